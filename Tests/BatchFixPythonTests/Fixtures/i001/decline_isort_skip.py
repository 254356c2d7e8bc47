import sys
import os  # isort: skip
x = 1

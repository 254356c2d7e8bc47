import sys  # why
import os
x = 1

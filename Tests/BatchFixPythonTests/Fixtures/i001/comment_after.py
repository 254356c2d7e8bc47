import os
import sys
# comment
x = 1

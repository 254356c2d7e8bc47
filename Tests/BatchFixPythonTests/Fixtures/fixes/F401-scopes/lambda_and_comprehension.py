# select: F401,F811
import os
import sys
import re

g = lambda: os.sep
h = [sys for _ in range(1)]

# select: F401,F811
# an import on the same line as its block header becomes `pass` when it is the body (as ruff)
import sys
if sys.argv: import os
for _ in sys.argv: import json; x = 1
while False: y = 2; import re
if sys.path: import glob;

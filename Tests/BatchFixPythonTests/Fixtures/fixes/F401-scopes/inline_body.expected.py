# select: F401,F811
# an import on the same line as its block header is kept (removing it needs a `pass`).
import sys
if sys.argv: import os
def f(): import json

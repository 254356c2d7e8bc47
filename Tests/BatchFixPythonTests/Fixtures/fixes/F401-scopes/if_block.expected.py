# select: F401,F811
import sys

if sys.argv:
    pass
else:
    x = 1

# select: F401,F811
import sys

if sys.argv:
    pass
elif sys.path:
    pass
else:
    pass
try:
    x = 1
except KeyError:
    pass
else:
    pass

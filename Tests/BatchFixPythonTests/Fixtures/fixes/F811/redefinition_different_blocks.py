# select: F401,F811
import sys
import os

if sys.argv:
    import os

print(os)

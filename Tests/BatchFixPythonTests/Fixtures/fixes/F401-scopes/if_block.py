# select: F401,F811
import sys

if sys.argv:
    import os
else:
    import json
    x = 1

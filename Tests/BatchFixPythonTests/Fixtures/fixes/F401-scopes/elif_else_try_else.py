# select: F401,F811
import sys

if sys.argv:
    pass
elif sys.path:
    import os
else:
    import json
try:
    x = 1
except KeyError:
    import re
else:
    import glob

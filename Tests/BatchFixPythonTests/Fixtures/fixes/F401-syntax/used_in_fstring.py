# select: F401,F811
import os
import sys

print(f"{os.sep!r:>{sys.maxsize}}")

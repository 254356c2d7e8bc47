# select: F401,F811
# U06: __all__ built in branches of literals.
import sys
from os import path, sep, linesep

if sys.platform == "win32":
    __all__ = ["path"]
else:
    __all__ = ["sep"]

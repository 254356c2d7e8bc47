# select: F401,F811
# U04: names listed in __all__ are used.
from os import path, sep

__all__ = ["path", "sep"]

# select: F401,F811
# U28: a star import is never removed or expanded; it does not make other imports used.
from os import *

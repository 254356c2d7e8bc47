# select: F401,F811
from os import path, \
    sep, \
    getcwd

import json, \
    re

print(path, re)

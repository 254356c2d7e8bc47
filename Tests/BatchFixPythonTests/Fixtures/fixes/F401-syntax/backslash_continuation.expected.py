# select: F401,F811
from os import path

import re

print(path, re)

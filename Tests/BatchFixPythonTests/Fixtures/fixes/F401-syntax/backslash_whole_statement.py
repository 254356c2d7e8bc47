# select: F401,F811
import \
    os
from json import \
    dumps
x = 1

# select: F401,F811
from os import (
    path,  # first
    sep,  # second
)
x = 1

# select: F401,F811
from os import (
    sep,
    path,
    getcwd,
)

print(path, getcwd)

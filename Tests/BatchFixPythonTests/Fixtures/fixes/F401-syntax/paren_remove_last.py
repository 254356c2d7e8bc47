# select: F401,F811
from os import (
    path,
    getcwd,
    sep
)

print(path, getcwd)

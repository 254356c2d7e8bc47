# select: F401,F811
from os import (
    path, sep,
    getcwd, environ,
)

print(path, environ)

# select: F401,F811
from os import (
    path, environ,
)

print(path, environ)

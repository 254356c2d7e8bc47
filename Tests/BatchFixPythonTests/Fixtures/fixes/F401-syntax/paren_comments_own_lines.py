# select: F401,F811
from os import (
    # the path module
    path,
    # separator, unused
    sep,
    getcwd,  # trailing
)

print(path, getcwd)

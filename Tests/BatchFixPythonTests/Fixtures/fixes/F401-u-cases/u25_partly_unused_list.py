# select: F401,F811
# U25: only the unused names of a parenthesised list go; comments stay with their names.
from os import (
    path,  # used
    sep,  # not used
    getcwd,  # used too
)

print(path, getcwd)

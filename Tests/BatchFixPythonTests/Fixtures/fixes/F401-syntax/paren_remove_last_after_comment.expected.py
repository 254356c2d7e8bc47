# select: F401,F811
# the comment on the line before the removed last name stays with its own name
from os import (
    path,
    getcwd,  # keep me
)

print(path, getcwd)

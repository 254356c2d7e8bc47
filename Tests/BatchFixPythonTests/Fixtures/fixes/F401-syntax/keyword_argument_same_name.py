# select: F401,F811
# a keyword argument name is not a use of the import: the import goes (as ruff does).
from os import sep

print("a", sep="")

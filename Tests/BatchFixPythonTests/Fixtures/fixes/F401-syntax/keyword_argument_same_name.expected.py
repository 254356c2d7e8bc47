# select: F401,F811
# a keyword argument name is not a use of the import; we keep it anyway (the name appears).
from os import sep

print("a", sep="")

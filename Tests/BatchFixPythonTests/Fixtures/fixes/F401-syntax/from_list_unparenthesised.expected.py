# select: F401,F811
from os import sep

print(sep)

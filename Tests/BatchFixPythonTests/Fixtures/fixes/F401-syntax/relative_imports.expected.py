# select: F401,F811
from .mod import thing

print(thing)

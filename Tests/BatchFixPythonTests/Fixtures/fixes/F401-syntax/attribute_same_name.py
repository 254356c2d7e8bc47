# select: F401,F811
# `obj.path` is an attribute, not a use of `path`
from os import path

obj = object()
print(obj.path)

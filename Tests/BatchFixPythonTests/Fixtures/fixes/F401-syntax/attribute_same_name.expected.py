# select: F401,F811
# `obj.path` is an attribute, not a use of `path`

obj = object()
print(obj.path)

# select: F401,F811
# U20: a function-local binding of the same name does not use the module import: the semantic
# index resolves `json` in f() to the local, so the import goes (as ruff does).
import json


def f():
    json = {}
    return json

# select: F401,F811
# U20: a function-local binding of the same name does not use the module import; we keep the
# import anyway (deliberate: a name read anywhere counts; ruff removes it).
import json


def f():
    json = {}
    return json

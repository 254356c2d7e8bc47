# select: F401,F811
# U21 (deliberate difference from ruff): globals() can read any name, so no module-level import
# is removed; ruff removes `os` and `sys`. Imports inside functions are still judged.
import os
import sys


def table():
    return globals()

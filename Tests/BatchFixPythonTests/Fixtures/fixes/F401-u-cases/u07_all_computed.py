# select: F401,F811
# U07 (deliberate difference from ruff): a computed __all__ may name any import, so no
# module-level import is removed in this file. ruff removes `getcwd`.
from os import path, getcwd
from . import parts

__all__ = ["path"] + parts.__all__


def f():
    import json  # function scope: still judged
    return 1

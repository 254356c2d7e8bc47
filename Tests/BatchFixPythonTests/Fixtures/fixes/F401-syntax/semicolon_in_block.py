# select: F401,F811
def f():
    import os; import sys


def g():
    x = 1; import json
    return x

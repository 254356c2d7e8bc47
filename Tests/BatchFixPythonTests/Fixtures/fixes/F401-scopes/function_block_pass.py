# select: F401,F811
def f():
    import os


def g():
    """Docstring."""
    import sys


def h():
    import json  # only statement, with a comment

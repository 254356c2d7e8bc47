# select: F401,F811
import os
import sys


def f():
    return os.getcwd()

# select: F401,F811
import os
import sys


def f():
    global os
    os = None

# select: F401,F811
import os


def f():
    global os
    os = None

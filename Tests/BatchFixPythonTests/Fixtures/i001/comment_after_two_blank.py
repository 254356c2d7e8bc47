import os


# c
def f():
    pass

# select: F401,F811
def f():
    import os
    import sys
    return sys.argv

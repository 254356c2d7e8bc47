# select: F401,F811
def f():
    import sys
    return sys.argv

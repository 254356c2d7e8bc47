# select: F401,F811
def f():
    import os
    return os

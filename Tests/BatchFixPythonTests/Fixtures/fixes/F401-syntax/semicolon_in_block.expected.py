# select: F401,F811
def f():
    pass


def g():
    x = 1
    return x

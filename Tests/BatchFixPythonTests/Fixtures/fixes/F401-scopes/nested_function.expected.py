# select: F401,F811
def outer():
    import os

    def inner():
        return os.sep

    return inner


def other():

    def inner():
        import sys
        return sys.argv

    return inner

# select: F401,F811
def f():
    pass
    # trailing comment in the block


x = 1

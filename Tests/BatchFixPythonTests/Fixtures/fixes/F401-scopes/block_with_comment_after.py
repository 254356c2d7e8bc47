# select: F401,F811
def f():
    import os
    # trailing comment in the block


x = 1

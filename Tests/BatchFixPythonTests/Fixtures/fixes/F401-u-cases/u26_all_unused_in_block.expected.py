# select: F401,F811
# U26: all imports of a block unused: `pass`, never an empty block.
def f():
    pass


def g():
    pass

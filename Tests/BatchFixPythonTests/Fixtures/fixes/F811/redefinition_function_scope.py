# select: F401,F811
def f():
    import os
    import os
    return os

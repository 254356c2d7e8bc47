import os
@dec
def f():
    pass

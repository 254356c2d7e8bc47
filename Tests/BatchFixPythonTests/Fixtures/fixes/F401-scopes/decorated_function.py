# select: F401,F811
import functools


@functools.cache
def f():
    import os

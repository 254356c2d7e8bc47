def f():
    import sys

    import os

    return 1

import os

class A:
    pass

# select: F401,F811
# U21: vars(obj) reads obj's attributes, not the module: the unused import is removed.
import os


class A:
    pass


print(vars(A()))

# select: F401,F811
# U21: a class's __getattr__ is not the module's: the unused import is removed.
import os


class A:
    def __getattr__(self, name):
        return 1

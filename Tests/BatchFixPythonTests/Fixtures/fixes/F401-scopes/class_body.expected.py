# select: F401,F811
# imports directly in a class body bind attributes: kept. Imports in methods are judged.
class A:
    import os

    def m(self):
        return 1

import sys
import os
def f():
    pass

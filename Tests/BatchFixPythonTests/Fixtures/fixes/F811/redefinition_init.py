# path: pkg/__init__.py
# select: F401,F811
import os
import os

print(os)

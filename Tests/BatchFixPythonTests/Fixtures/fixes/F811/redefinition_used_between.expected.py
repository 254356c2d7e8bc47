# select: F401,F811
import os

print(os)
import os

print(os)

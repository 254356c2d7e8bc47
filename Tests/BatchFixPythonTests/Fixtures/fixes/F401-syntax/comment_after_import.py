# select: F401,F811
import os  # operating system
# a comment about sys
import sys
print(sys)

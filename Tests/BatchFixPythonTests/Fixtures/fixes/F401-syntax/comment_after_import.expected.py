# select: F401,F811
# a comment about sys
import sys
print(sys)

# select: F401,F811
import sys
print(sys)

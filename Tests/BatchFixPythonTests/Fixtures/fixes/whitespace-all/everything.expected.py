import sys

print(sys)

# select: F401,F811
# os is mentioned in this comment, which is not a use
import sys

print("sys")

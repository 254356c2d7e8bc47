# select: F401,F811
import sys as s

print(s)

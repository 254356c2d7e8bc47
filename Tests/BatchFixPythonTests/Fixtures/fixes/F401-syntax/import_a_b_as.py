# select: F401,F811
import os as o, sys as s

print(s)

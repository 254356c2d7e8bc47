# select: F401,F811
# `sys` appears only as literal text of an f-string: kept (names in any string are kept).
import sys

print(f"sys is {1}")

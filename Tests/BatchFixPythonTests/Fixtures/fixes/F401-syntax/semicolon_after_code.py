# select: F401,F811
x = 1; import os
y = 2; import sys; z = 3
print(x, y, z)

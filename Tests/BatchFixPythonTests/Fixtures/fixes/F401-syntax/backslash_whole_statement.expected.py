# select: F401,F811
x = 1

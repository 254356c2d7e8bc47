# select: W292
x = 1
y = 2
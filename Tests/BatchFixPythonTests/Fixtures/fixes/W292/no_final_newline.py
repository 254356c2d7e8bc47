# select: W292
x = 1
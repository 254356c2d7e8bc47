# select: W291,W292
x = 1

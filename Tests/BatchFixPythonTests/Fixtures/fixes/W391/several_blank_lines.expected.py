# select: W391
x = 1

# select: W391,W293
x = 1

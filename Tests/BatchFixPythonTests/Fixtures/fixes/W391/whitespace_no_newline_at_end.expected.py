# select: W391,W292,W291,W293
x = 1

# select: W291,W293
x = 1 + \
    2
y = 3   

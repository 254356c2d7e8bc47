# select: W391
x = 1
# last



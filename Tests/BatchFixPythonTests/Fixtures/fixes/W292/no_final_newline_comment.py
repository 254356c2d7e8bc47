# select: W292
x = 1
# end
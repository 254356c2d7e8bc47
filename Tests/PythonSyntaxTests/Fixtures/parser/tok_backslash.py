x = 1 + \
    2
if x and \
   y:
    pass
y = 3 + \
    4

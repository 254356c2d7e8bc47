x = 1
while x = 1:
    pass

x = 1
@x

# c

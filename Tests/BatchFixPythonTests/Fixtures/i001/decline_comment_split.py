import a, b  # c
x = 1

x = not a

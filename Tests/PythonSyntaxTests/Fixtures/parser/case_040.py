x = 5e

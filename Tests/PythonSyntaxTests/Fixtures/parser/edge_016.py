a = b = c = d

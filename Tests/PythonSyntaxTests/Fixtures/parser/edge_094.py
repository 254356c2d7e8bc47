(a, b) = c = d

a, = b

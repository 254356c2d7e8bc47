x = 1
del f()

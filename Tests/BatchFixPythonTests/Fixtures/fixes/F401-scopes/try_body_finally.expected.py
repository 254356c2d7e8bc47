# select: F401,F811
try:
    pass
finally:
    x = 1

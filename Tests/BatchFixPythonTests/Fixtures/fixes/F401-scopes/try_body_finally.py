# select: F401,F811
try:
    import os
finally:
    x = 1

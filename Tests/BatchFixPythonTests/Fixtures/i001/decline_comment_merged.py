from m import b  # c
from m import a
x = 1

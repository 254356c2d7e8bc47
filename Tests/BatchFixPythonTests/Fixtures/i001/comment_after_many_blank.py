import os



# c
x = 1

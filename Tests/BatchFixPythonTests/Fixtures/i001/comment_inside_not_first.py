import b
import a
# c
import c
x = 1

import b
# c1
# c2
import a
x = 1

from c import d
# c
from a import b
x = 1

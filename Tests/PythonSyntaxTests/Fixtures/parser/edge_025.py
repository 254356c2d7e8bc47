s = "a\
b"

{x
+ y}b
c{z!r}"""

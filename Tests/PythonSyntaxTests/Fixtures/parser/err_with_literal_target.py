x = 1
lambda x: (yield)
with a as 1:
    pass

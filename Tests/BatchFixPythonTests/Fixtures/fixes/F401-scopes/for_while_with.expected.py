# select: F401,F811
for i in range(3):
    pass
while False:
    pass
with open(__file__) as fh:
    pass

# select: F401,F811
# U14: a try that does not guard ImportError is an ordinary block: its unused import goes.
try:
    x = 1
except KeyError:
    pass

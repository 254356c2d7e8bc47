if (a): pass

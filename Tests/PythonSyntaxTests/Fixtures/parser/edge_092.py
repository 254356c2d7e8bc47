while (a): pass

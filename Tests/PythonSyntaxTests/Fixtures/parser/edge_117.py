class A(B, *c, d=e, **f): pass

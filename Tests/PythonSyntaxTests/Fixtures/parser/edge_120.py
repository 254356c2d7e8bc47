def f(a, /): pass

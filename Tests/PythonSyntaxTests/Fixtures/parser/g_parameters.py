def a(x, /, y, *, z): pass
def b(x=1, /, y=2, *args, z, w=3, **kwargs): pass
def c(*, a, b=1): pass
def d(x: int = 1, *args: str, y: "T" = None, **kw: dict) -> None: pass
def e(a, b, /): pass
def f(*args: *Ts): pass
def g(a,): pass
lam1 = lambda: 0
lam2 = lambda x, /, y=1, *a, z, **k: x
lam3 = lambda *, k=1: k
lam4 = lambda *a, **k: (a, k)

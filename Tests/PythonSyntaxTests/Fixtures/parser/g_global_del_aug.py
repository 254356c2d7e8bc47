def f():
    global a, b
    nonlocal c
    del a, b.c, d[0]
    del (e, f), [g]
    del (h)
    x += 1
    x.y -= 2
    x[0] *= 3
    x @= y
    x //= 2; x **= 2; x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1; x %= 1; x /= 1
    (y): int = 1
    z: int
    w.a: str = "s"
    v[0]: int
    u: list[int] = []
    t: int = yield

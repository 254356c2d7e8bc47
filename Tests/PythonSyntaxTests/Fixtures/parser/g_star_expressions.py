*a, b = x
a, *b = x
[a, *b] = x
(*a, b), c = x
def f():
    return *a, b
for x in *a, b:
    pass
print(*a, **k)
print(*a, *b, c=1, **d, **e)
x[*a]
x[*a, b]
x[a, *b]
y = *a, *b
f(a=1, *b)

a = [x if x else y for x in z if x > 0 if x < 10]
b = {k: v for k, v in items}
c = {x for x in y}
d = (x for x in y)
e = [lambda: x for x in y]
f = [(x, y) for x in a for y in b]
g = a < b < c
h = a not in b
i = a is not b
j = a is b and c in d or not e
k = [x async for x in y]
l = not a == b
m = a if b else c if d else e
n = -a ** -b
o = a + b * c - d / e // f % g @ h
p = a | b ^ c & d << e >> f
q = ~a + +b - -c
r = await_ = 1

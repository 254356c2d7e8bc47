if (n := len(a)) > 10:
    pass
while chunk := f.read(10):
    pass
ys = [y for x in data if (y := f(x)) is not None]
print(x := 1, y := 2)
z = a[b := 1]
(w := 5)
s = {(v := 1), 2}
l = [u := 1, 2]

import os
from os import path as p
x = ...
y = None, True, False
def f():
    yield
    yield 1
    yield from g
    x = yield a, b
assert x, "message"
assert y
{}
{**a, 'b': 1, **c}
{1, 2, *s}
[]
()
(1,)
1,
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
while x:
    break
else:
    pass
for x in y:
    continue
else:
    pass
class A(B, C, metaclass=M, **kw):
    """Docstring."""
    x: int = 1
lambda: (yield)
print(f"{x}" "literal", end="")

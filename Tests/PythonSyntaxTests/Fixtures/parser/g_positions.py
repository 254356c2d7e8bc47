@decorator
def f(): pass
@decorator
class C: pass
@d1
@d2
async def g(): pass
x = (a)
y = ((a + b))
z = (a).b.c
w = f(x for x in y)
v = f((x for x in y))
u = f((x for x in y), 1)
t = (a)(b)
s = (((1, 2)))
r = a.b.c
q = [a][0]
p = (yield)
import a.b.c as d, e
from . import (x as y, z,)
from ..a.b import *
from ... import q
from .... import r

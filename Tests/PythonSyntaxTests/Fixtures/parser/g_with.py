with (a as b, c as d):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with a as b, c as d:
    pass
with (open(x) as f,):
    pass
with (a):
    pass
with (a) as b, (c):
    pass
with (
    open("a") as f,
    open("b") as g,
):
    pass
async def f():
    async with a as b, c:
        pass
    async for x in y:
        pass
    else:
        pass
with a as (b, c):
    pass
with a as [b, *c]:
    pass

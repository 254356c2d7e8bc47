async def f():
    await x
    y = await z()
    async with a:
        pass
    async for i in j:
        pass
    r = [await v async for v in w]
    return await q
async def g(): yield 1

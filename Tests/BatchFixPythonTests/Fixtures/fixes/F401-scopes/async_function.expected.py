# select: F401,F811
async def f():
    import asyncio
    await asyncio.sleep(0)

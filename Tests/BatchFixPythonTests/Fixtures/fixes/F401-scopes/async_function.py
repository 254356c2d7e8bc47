# select: F401,F811
async def f():
    import asyncio
    import os
    await asyncio.sleep(0)

import os
async def f():
    pass

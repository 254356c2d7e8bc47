x = (yield from y)

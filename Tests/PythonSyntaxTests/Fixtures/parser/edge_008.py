@(yield)

# select: W291,W293
# T09: a form feed at the start of a line is indentation, only trailing whitespace goes.
def f():
    return 1

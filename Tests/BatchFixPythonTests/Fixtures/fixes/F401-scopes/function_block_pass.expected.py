# select: F401,F811
def f():
    pass


def g():
    """Docstring."""


def h():
    pass  # only statement, with a comment

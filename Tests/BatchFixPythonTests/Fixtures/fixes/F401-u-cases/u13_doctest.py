# select: F401,F811
# U13: a name used only in a doctest (any string) is kept (deliberate: ruff removes it).
import textwrap
import unused_mod


def f():
    """
    >>> textwrap.dedent("  x")
    'x'
    """

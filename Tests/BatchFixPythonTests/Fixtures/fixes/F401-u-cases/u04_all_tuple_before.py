# select: F401,F811
# U04: __all__ as a tuple, defined before the imports.
__all__ = ("dumps",)

from json import dumps, loads

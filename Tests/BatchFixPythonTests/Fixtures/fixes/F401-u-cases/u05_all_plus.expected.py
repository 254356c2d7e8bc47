# select: F401,F811
# U05: `__all__ = [...] + [...]` and `__all__ += [...]` of literals still list names.
from os import path, sep, getcwd

__all__ = ["path"] + ["sep"]
__all__ += ["getcwd"]

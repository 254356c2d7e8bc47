# select: F401,F811
# U06: `__all__.extend([...])` and `.append("...")` of literals.
from os import path, sep, getcwd, environ

__all__ = ["path"]
__all__.extend(["sep"])
__all__.append("getcwd")

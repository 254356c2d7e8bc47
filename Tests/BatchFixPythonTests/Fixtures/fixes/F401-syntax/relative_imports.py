# select: F401,F811
from . import sibling
from .. import parent
from .mod import thing, other
from ...deep.mod import x

print(thing)

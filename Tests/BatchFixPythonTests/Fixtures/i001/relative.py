from . import b
from .. import a
x = 1

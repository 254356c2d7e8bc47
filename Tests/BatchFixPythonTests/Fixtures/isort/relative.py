from . import z
from . import a as b
from .a.b import c
from .. import *
from ..pkg import y
from .... import far
from .A import q
from .a import Q
from . import *
from .. import x
from ..Pkg import y

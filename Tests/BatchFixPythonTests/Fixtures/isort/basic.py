from __future__ import annotations
import __future__

import os
import os.path
from os import path

import _priv
import A1
import a1
import a2
import a10
import Zeta
import zeta
import zeta as z
from a import z
from B import thing
from b import (
    _X,
    APPLE,
    CB,
    CONST,
    A,
    Apple,
    B,
    Cb,
    __dunder__,
    _private,
    a,
    a2,
    a10,
    apple,
    c,
    cA,
    x_Y,
)
from b import Xy as xy
from b import zed as zz

from ...z import q
from .. import up
from . import here
from .a import x

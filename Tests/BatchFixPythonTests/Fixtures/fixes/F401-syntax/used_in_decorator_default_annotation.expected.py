# select: F401,F811
import functools
from typing import Optional
import math


@functools.cache
def f(x: Optional[int] = math.pi):
    return x

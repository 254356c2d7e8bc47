# select: F401,F811
# U30: in a stub, `import X as X` and star imports are re-exports: kept. Others are judged.
import os as os
from typing import *
from collections import OrderedDict as OrderedDict
import sys

def f() -> int: ...

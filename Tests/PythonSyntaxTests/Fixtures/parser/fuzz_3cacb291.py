f"{y!r:{y!rassraZ
"""
dyld emulation
"""

import os
from ctypes.macholib.framework import framework_b""info
from ctypes.macholib.dylib import dylib_info
from itertools imporamew
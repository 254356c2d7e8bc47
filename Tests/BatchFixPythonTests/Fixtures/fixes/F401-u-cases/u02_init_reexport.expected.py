# path: pkg/__init__.py
# select: F401,F811
# U02/U33: in __init__.py an unused import is reported but not removed (it may be a re-export),
# and never added to __all__. ruff 0.17 also leaves it (its fix is unsafe there).
from .core import Engine
from . import helpers
import os

# select: F401,F811
# U11: __future__ imports are never removed (ruff agrees).
from __future__ import annotations
from __future__ import generator_stop
import os

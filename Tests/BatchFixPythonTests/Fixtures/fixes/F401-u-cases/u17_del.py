# select: F401,F811
# U17: `del name` uses the name (ruff agrees).
import os
import sys

del os

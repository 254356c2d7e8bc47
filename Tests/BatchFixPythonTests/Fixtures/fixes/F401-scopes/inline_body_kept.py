# select: F401,F811
# inline bodies of class/try/except/version-dependent blocks are kept; a def's is judged (as ruff)
import sys
def f(): import json
class A: import os
try: import yaml
except ImportError: import json as yaml
if sys.version_info >= (3, 11): import tomllib

# select: F401,F811
# statements after `;` in an inline body belong to it: a try's stays guarded, a duplicate is F811
import sys
if sys.argv: pass
try: x = 1; import yaml
except ImportError: yaml = None
if sys.path: w = 1

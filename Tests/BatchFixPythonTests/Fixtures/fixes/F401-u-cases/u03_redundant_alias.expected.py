# select: F401,F811
# U03: `import m as m` / `from x import Y as Y` are explicit re-exports: kept (as ruff).
import json as json
from collections import OrderedDict as OrderedDict

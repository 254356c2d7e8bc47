# select: F401,F811
# an identical duplicate does nothing even where imports are kept (handlers, class bodies): removed (as ruff)
try:
    import simplejson as json
except ImportError:
    import json


class A:
    import os

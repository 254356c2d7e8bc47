# select: F401,F811
# the earlier binding stays when the later one of the same name is suppressed (as ruff)
import sys

if sys.argv:
    import json
import json  # noqa

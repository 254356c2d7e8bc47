# select: F401,F811
# noqa is per physical line: it covers every statement on it (as ruff)
import os; import sys  # noqa
import json; import re  # noqa: F401

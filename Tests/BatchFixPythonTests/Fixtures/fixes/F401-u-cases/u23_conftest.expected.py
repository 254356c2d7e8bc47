# path: tests/conftest.py
# select: F401,F811
# U23 (deliberate difference from ruff): pytest finds fixtures and hooks in conftest.py by name,
# so its module-level imports are reported, not removed. Function-level ones are judged.
from plugins.db import tmp_db
from plugins.hooks import pytest_configure


def helper():
    return 1

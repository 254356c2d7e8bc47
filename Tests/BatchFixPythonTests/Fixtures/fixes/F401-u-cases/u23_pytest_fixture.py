# select: F401,F811
# U23 (partly): a fixture imported and used only as a parameter name is a name that appears
# elsewhere in the file, so it is kept (ruff removes it).
from conftest_helpers import tmp_db


def test_query(tmp_db):
    assert tmp_db

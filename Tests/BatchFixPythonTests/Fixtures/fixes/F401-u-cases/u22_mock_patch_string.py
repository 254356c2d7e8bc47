# select: F401,F811
# U22: a name mentioned in a string (mock.patch target) is kept.
import shutil
from unittest import mock

patcher = mock.patch("pkg.mod.shutil.which")

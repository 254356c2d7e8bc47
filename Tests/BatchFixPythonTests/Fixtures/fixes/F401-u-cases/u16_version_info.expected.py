# select: F401,F811
# U16: version-dependent imports are kept in both branches.
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

if sys.platform == "win32":
    import winreg

# select: F401,F811
# different imports binding one name: not F811 in our check (ruff reports F811 here).
from os import path
from sys import path

print(path)

# select: F401,F811
# an import on the same line as its block header becomes `pass` when it is the body (as ruff)
import sys
if sys.argv: pass
for _ in sys.argv: x = 1
while False: y = 2
if sys.path: pass

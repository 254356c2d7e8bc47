# select: F401,F811
# U20: an import rebound by an assignment before any read; the read uses the new binding.
# Kept (the name is read); ruff also keeps it (reports F811 only for import-import).
import os

os = None
print(os)

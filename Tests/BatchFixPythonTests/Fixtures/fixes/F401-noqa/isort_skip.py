# select: F401,F811
# U24: `# isort: skip` is not an F401 suppression (as ruff): the import goes.
import os  # isort: skip

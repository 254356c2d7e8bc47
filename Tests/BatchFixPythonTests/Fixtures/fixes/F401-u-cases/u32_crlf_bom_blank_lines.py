# select: F401,F811
# U32: removing an import between blank lines leaves no doubled blank line from the import.
import json

import os

print(json)

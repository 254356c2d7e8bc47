# select: F401,F811
import os  # mentions noqa in passing: not a directive (ruff agrees: `#`, spaces, then `noqa`)
import sys  # noqa: F811
import json  # type: ignore  # noqa

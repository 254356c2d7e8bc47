# select: F401,F811
# U12: a name used only in a `# type:` comment is kept (deliberate: ruff removes `List`).
from typing import Dict, List

x = []  # type: List[int]
y = {}  # type:Dict[str, int]

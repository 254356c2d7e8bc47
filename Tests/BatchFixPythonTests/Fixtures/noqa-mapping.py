import os, \
    sys  # noqa: F401
x = """
aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
"""  # noqa: E501
y = "# noqa"; import re
z = """# noqa"""; import json
from typing import (
    List,  # noqa: F401
    Dict,
)  # noqa
import abc  # noqa:F401 # noqa:E501

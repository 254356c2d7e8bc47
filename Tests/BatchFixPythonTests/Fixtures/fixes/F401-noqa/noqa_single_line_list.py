# select: F401,F811
from os import path, sep  # noqa: F401
import json, re  # noqa

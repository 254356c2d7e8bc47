import requests
import os
from . import sibling
from __future__ import annotations
x = 1

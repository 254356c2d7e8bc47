from __future__ import annotations

import os

import requests

from . import sibling

x = 1

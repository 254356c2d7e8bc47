from __future__ import annotations
from __future__ import division as d
import __future__
import __future__ as f

import os
import sys
from os import *
from os import getcwd, path, sep
from os import sep as s

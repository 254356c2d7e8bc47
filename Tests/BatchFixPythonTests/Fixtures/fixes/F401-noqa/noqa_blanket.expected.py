# select: F401,F811
import os  # noqa
import sys  # NOQA

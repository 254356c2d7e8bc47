# select: F401,F811
import os  # noqa: F401
import sys  # noqa:F401,E501
import glob  # noqa : F401
import bz2  # noqa:F401 because
import cmd  # NOQA

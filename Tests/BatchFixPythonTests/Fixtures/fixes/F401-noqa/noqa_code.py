# select: F401,F811
import os  # noqa: F401
import sys  # noqa:F401,E501
import json  # noqa: E501
import re  # noqa: F
import glob  # noqa : F401
import csv  # NoQA:f401
import abc  # noqa:
import ast  # noqa: see below
import bz2  # noqa:F401 because
import cmd  # NOQA

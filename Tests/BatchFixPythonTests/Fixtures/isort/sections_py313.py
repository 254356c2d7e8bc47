# target: py313
import zoneinfo
import tomllib
import asynchat
import distutils.util
import _bootlocale
import graphlib
import requests
import firstparty_pkg.sub
import firstparty_mod
import srcpkg
import knownfp.deep.mod
from knownfp import thing
import numpy as np
from . import sibling
import __future__
import _testcapi
import xxsubtype
import notinsrc
import firstparty_pkg
from firstparty_pkg import x
from firstparty_pkg.nosub import y
import firstparty_mod.attr
import nsdir.inner
import nsdir.other
import stub
import ext
import src
import src.srcpkg

import sys
import os
# c
from os import path
x = 1

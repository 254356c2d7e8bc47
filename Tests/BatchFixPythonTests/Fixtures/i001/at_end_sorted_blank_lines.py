import os
import sys



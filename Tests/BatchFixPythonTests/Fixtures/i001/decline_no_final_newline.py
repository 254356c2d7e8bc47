import sys
import os
# select: F401,F811
import sys
import re

print(sys, re)

# select: F401,F811
import os; import sys
import json; import re

print(sys, json)

# select: F401,F811
import sys
import json

print(sys, json)

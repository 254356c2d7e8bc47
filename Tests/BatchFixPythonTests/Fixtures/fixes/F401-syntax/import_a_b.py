# select: F401,F811
import os, sys
import json, re, glob

print(sys, re)

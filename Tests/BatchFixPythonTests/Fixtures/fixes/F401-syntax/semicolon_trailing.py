# select: F401,F811
import os;
import sys;  # comment
x = 1

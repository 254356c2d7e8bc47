# select: F401,F811
import os; import sys
x = 1

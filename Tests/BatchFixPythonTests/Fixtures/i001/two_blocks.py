import sys
import os
x = 1
import b
import a
y = 2

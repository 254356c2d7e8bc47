import os, sys
x = 1

import sys
# about os
import os
x = 1

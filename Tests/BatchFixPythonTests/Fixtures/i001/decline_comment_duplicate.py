import os  # c
import os
x = 1

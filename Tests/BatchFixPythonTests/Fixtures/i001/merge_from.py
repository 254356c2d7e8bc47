from os import path
from os import sep
x = 1

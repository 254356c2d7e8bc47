import os
# c
import requests
x = 1

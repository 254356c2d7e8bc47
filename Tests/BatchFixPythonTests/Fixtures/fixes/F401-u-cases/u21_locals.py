# select: F401,F811
# U21: locals() at module level is the module namespace.
import os

names = locals()

# select: F401,F811
# U21: a bare vars() reads the namespace: module-level imports kept.
import os

names = vars()

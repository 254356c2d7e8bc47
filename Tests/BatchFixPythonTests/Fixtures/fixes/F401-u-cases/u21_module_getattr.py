# select: F401,F811
# U21: a module-level __getattr__ can hand out any name: module-level imports kept.
import os


def __getattr__(name):
    return 1

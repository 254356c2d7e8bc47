"""Doc."""
import sys
import os

class A:
    pass

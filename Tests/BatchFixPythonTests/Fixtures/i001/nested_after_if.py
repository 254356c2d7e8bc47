import os
if os:
    import sys
    import abc
    y = 1

# select: F401,F811
import sys

match sys.argv:
    case [_, "a"]:
        import os
    case _:
        import json
        print(json)

# select: F401,F811
import sys

match sys.argv:
    case [_, "a"]:
        pass
    case _:
        import json
        print(json)

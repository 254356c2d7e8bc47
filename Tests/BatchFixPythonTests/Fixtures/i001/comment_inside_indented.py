import b
    # indented c
import a
x = 1

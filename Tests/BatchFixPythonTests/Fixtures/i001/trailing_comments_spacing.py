import b # tb
import a    # ta
x = 1

import b
# c

import a
x = 1

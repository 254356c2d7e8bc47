from m import (b, a,)
x = 1

import os
import os
x = 1

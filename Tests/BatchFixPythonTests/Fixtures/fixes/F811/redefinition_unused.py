# select: F401,F811
import os
import os

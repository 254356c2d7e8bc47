# select: F401,F811
import os
import os  # noqa: F811

print(os)

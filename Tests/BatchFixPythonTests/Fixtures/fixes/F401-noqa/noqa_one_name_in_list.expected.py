# select: F401,F811
from os import (
    path,  # noqa: F401
)

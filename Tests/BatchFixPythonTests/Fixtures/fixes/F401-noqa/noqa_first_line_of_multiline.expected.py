# select: F401,F811
# U24: a noqa on the first line of a parenthesised import covers its names (as ruff).
from os import (  # noqa: F401
    path,
    sep,
)

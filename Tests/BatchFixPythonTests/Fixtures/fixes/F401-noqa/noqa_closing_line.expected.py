# select: F401,F811
# U24 (deliberate difference from ruff): a noqa on the closing line of a parenthesised import
# covers its names; ruff only looks at each name's own line and removes both.
from os import (
    path,
    sep,
)  # noqa: F401

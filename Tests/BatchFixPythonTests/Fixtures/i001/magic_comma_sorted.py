from m import (
    a,
    b,
)

x = 1

from .a import (b)

from . a import b

a if b else lambda: c

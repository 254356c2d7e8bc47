x: int = *a, b

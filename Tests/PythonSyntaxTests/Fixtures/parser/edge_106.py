x.y: int = 3

f'{a["b"]!r:>{width}}'

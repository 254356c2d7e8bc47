f"{'a' if x else 'b'}"

f"abc\{x}"

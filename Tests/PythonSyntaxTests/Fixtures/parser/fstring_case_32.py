f"{x}" b"y"

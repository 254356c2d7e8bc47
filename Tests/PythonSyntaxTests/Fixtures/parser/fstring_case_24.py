f"{x:{y}.{z}f}"

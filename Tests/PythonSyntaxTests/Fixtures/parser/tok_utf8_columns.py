x = "café" + y  # €
z = ["😀", a]

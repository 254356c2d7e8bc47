f"{x:a{y}b}"

x = 1
foo bar
y = f"{a


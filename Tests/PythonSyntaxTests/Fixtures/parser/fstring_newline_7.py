foo bar
x = f"{a:{b}
c}"


foo bar
y = 1 \x 2

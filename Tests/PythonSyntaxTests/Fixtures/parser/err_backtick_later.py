x = 1
foo bar
y = 1 ` 2

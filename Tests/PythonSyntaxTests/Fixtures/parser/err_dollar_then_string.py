foo bar
x $ y
z = "abc

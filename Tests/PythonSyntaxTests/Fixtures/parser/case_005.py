x = 1
foo bar
s = 'unterminated

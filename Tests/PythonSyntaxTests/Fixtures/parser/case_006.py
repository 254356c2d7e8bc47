x = 1
foo bar
  y = 2
   z

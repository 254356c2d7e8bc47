0 if 1else 2
# only a comment without newline
   

# select: W291,W293
# a comment   
x = 1  # inline comment 	
    # indented comment  

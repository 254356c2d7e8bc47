# comment  
x = 1  # c 	

# select: W291,W293
x = 1   
y = 2	
z = 3 	 

x = 1  # noqa  
y = 2  # noqa: W291 
z = 3  # noqa: E501 
 	 # noqa

if x:
	if y:
	    a = 1
	else:
		b = 2
c = 3

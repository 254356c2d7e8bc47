# select: W291,W293
def f():
    x = 1
    
	
    return x

# select: W291,W293
b = b'''a  
'''
r = r'''\\  
'''

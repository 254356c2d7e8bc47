# select: W291,W293
name = 1
s = f"""{name}  
  {name} 
"""

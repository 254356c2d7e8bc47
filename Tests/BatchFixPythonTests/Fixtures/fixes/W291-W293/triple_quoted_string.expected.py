# select: W291,W293
# T10: whitespace inside a multi-line string is part of the value: reported, fix unsafe, not applied.
s = """line one   
line two	
   
"""
t = 1

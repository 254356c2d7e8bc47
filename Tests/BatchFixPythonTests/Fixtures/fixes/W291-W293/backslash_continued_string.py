# select: W291,W293
# a single-quoted string continued with a backslash: the space before `\` is in the string
s = 'abc \
  def'
x = [
    1,  
]

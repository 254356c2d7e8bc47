x = (1,  # comment inside
     2,
# comment-only line
     3)
y = [
    a for a in b
    if a
]
z = {'k':
     'v'}

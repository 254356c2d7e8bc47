# select: W291,W293
s = 'café'
t = '日本'

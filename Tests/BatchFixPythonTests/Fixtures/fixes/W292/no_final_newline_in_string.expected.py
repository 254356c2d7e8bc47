# select: W292
s = '''a
b'''

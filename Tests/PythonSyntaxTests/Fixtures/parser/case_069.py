x = '''a
b
'''c'

s = """line one
it's "quoted" and \"escaped\"
'''inner'''
"""
t = '''a
"b" \''' c'''
u = """"""
v = '''x\
y'''

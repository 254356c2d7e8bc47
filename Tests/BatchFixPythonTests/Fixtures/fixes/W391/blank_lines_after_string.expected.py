# select: W391
s = """

"""

if True:
    pass
# comment


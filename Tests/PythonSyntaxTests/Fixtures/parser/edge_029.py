if True:
    pass
    # indented comment at EOF

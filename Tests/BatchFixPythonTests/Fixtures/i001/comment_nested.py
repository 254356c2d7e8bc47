def f():
    import b  # tb
    # above a
    import a
    return 1

def f():

    # comment at another indent
        # deeper comment
    x = 1

  # dedented comment
    return x

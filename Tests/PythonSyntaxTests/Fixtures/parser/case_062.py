a = b if c else

if x:
    pass
   
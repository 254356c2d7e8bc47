def f():
    """Doc.  

    More.  
    """
    return 1  

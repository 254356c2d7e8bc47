lambda *, a: 1

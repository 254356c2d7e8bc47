class C:
    type X = int

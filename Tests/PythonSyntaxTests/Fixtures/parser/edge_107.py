x[0]: int

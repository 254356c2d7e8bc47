{k: (v := 1) for k in a}

with (a := b, c as d,): pass

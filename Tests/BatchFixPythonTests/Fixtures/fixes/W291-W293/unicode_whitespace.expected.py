# select: W291,W293
# ruff trims Unicode white space too (no-break space, ideographic space); pycodestyle only ASCII.
s = 1  # note
t = 2  # wide
u = 3  # not space: zero-width joiner‍

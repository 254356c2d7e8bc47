(x): int

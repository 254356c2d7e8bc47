# select: F401,F811
# U19: when `a` is never used, both `import a` and `import a.b` go (as ruff).

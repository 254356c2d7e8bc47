# select: F401,F811

# select: F401,F811
from données import café, thé
print(thé)

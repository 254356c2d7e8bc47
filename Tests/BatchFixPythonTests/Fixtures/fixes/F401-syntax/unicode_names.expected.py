# select: F401,F811
from données import thé
print(thé)

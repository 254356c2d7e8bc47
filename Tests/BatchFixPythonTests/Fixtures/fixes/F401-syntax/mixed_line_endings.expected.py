# select: F401,F811,W291,W292
# T05: mixed endings are not normalised; only the removed line goes
import sys
print(sys)
x = 1

# select: F401,F811
# U31: names compare after NFKC normalisation: `ﬁle` (U+FB01 ligature) is `file`.
from io import file

print(ﬁle)

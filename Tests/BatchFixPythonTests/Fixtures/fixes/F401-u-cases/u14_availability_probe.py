# select: F401,F811
# U14: an availability probe (imported only to test that it exists) is kept.
try:
    import numpy
    HAVE_NUMPY = True
except ImportError:
    HAVE_NUMPY = False

try:
    import yaml
except:
    yaml = None

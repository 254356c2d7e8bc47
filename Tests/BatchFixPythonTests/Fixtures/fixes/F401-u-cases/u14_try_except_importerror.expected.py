# select: F401,F811
# U14: try/except ImportError fallbacks: both branches kept (ruff also leaves them).
try:
    import simplejson as json
except ImportError:
    import json

try:
    from lxml import etree
except ModuleNotFoundError:
    etree = None


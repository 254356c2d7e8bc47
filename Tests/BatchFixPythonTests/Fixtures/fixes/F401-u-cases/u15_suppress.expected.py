# select: F401,F811
# U15: imports under contextlib.suppress(...) are kept.
import contextlib

with contextlib.suppress(ImportError):
    import ujson

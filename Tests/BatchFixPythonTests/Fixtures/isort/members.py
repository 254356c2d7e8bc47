from m import (zeta, Zeta, ZETA, z, Z, _z, _Z, __z, __Z__, _, A1, a1, a01, a001, a10, a2, a_2, HTTP2, Http2, http2,
    éclair, Éclair, ÉCLAIR, ß, aB, Ab, AB, ab, x9y, X9Y, CamelCase, camelCase, CAMEL_CASE, Camel_Case, _1, __1)
from m import q as r, p as s, Q as R
from n import b as b
from n import a, b

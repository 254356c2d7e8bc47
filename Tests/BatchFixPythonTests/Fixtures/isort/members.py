from m import (zeta, Zeta, ZETA, z, Z, _z, _Z, __z, __Z__, _, A1, a1, a01, a001, a10, a2, a_2, HTTP2, Http2, http2,
    éclair, Éclair, ÉCLAIR, ß, aB, Ab, AB, ab, x9y, X9Y, CamelCase, camelCase, CAMEL_CASE, Camel_Case, _1, __1)
from m import q as r, p as s, Q as R
from n import b as b
from n import a, b
from averyveryveryverylongmodulename.withsubmodules.andmore import something_long, another_long_name
from short import a_name_that_is_long_enough_to_push_the_line_over_the_limit_of_88_chars as x
from fitsa import nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
from fitsb import nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn
import averyveryveryverylongmodulename.withsubmodules.andmore.andevenmore.andmoremoremore

a = r'\n' R"\d" u'x' U"y"; a2 = b'z' B"w" br'\x' Rb"\y"
b = rb'a' bR'b' BR"c" rB'd'
c = f'x' F"y" fr'{a}\n' Rf"{b}" rF'{c}' FR"{d}"
d = b'abc' b"\x00\xff"
e = 'single' "double"

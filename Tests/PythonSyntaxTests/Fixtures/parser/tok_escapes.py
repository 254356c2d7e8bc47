a = "\N{LATIN SMALL LETTER E WITH ACUTE}\x41\u00e9\U0001F600\101\0\7"
b = "\d \q unknown escapes kept"
c = r"\N{raw} \x41"
d = b"\x41\101\n\\"
e = "\udc80 lone surrogate"
f = "line\
continued"
g = "\a\b\f\n\r\t\v\'\"\\"

a = "x" 'y' """z"""
b = ("first "
     "second"
     'third')
c = "x" f"{a}" "y"
d = f"{a}" "" "tail"
e = b"x" b'y'
f = "" f"" ""
g = u"a" "b"

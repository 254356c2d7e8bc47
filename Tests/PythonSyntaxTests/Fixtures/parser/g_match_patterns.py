match command:
    case 0 | 1 | -1:
        pass
    case 1.5 | 1+2j | -1-2j | "s" | b"b" | "a" "b":
        pass
    case None | True | False:
        pass
    case capture:
        pass
    case _:
        pass
    case Color.RED | a.b.c:
        pass
    case (a):
        pass
    case (a, b) | [c, d] | ():
        pass
    case [a, *rest] | (*_, z) | [*_]:
        pass
    case {"k": v, 1: w, **rest}:
        pass
    case {}:
        pass
    case {a.b: 1}:
        pass
    case Point(x=0, y=_) | Point(1, 2, z=3) | Point():
        pass
    case [Point(x=0) as p, *_] as whole if whole and p:
        pass
    case str() | bytes():
        pass
    case a, *b, c:
        pass
    case (1 | 2) as n:
        pass

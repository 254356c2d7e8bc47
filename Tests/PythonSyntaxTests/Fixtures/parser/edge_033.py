match x:
    case [1, 2, *rest] if rest: pass
    case {**rest}: pass
    case -0j: pass
    case 1 - 2j: pass
    case A.B(c=d): pass

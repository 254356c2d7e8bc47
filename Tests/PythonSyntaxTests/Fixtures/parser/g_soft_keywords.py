match = 1
case = 2
type = 3
_ = 4
match(x)
print(match, case, type, _)
match.attr = 5
match[0] = 6
type.x = 7
type(x)
def match(case): return case
class type: pass
match x:
    case 1:
        pass
match -x:
    case _:
        pass
match x, y:
    case a, b:
        pass
match (x):
    case [a]:
        match = a
type X = int
type Y[T] = list[T]

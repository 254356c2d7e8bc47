def f[T: int, *Ts, **P](x: T, *args: *Ts, **kwargs: P.kwargs) -> T:
    return x
class C[T = int, *Ts = *tuple[int], **P = [int, str]]:
    pass
class D[T: (int, str) = str](Base, metaclass=M):
    pass
type X[T] = list[T]
type Y = int | None
async def g[T](): pass
def h[T,](): pass

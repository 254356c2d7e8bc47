# select: F401,F811
# U10: PEP 695 type aliases and type parameters use names.
from collections.abc import Callable, Sequence
from numbers import Number

type Handler = Callable[[int], None]
type Pair[T: Number] = tuple[T, T]


def first[S: Sequence](items: S) -> S:
    return items

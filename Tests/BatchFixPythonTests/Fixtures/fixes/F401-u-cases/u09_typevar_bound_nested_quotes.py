# select: F401,F811
# U09: TypeVar bound strings, nested quotes, Annotated and TypeAlias strings.
from typing import Annotated, TypeAlias, TypeVar
from shapes import Drawable, Circle, Square, Unused

D = TypeVar("D", bound="Drawable")
Shape: TypeAlias = "Circle | 'Square'"
Tagged = Annotated[int, "meta"]

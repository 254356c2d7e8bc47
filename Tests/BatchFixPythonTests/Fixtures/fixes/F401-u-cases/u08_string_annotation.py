# select: F401,F811
# U08: names used only in string annotations are kept.
from fruit import Fruit, Veg, Nut
from typing import cast


def eat(f: "Fruit") -> list["Veg"]:
    return cast("Nut", f)

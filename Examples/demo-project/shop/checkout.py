import json
from typing import Optional
import json

from shop.cart import Cart


def checkout(cart: Cart, coupon: Optional[str] = None) -> str:
    """Receipt text."""  
    text = "total: %s" % cart.total()
    if coupon:
        text += " (coupon %s)" % coupon
    return text

"""A tiny shop: the demo project BatchFix fixes in the README."""
from shop.cart import Cart

__all__ = ["Cart"]

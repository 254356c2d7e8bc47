import sys
import os
import json
from typing import Dict, List, Optional
from decimal import Decimal


class Cart:   
    """Items and their prices."""

    def __init__(self) -> None:
        self.items: Dict[str, Decimal] = {}
    
    def add(self, name: str, price: Decimal) -> None:
        self.items[name] = price

    def total(self) -> Decimal:
        return sum(self.items.values(), Decimal(0))

    def dump(self) -> str:
        return json.dumps({k: str(v) for k, v in self.items.items()})



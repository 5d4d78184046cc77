"""A small but realistic module."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Iterator


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list[str] = field(default_factory=list)

    def total(self, qty: int = 1) -> float:
        """Price for `qty` items."""
        if qty < 0:
            raise ValueError(f"negative quantity: {qty!r}")
        return self.price * qty


class Inventory:
    def __init__(self, items=None):
        self._items = {i.name: i for i in (items or [])}

    def __iter__(self) -> Iterator[Item]:
        yield from sorted(self._items.values(), key=lambda i: (i.price, i.name))

    def __len__(self):
        return len(self._items)

    def add(self, item, /, *, replace=False):
        if item.name in self._items and not replace:
            raise KeyError(item.name)
        self._items[item.name] = item

    def cheapest(self, n=1):
        return [item for _, item in zip(range(n), self)]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    inv = Inventory([Item("a", 1.5), Item("b", 0.5, ["x"])])
    try:
        inv.add(Item("a"))
    except KeyError as exc:
        print(f"duplicate: {exc}", file=sys.stderr)
    for item in inv:
        print(f"{item.name:<10}{item.total(2):>8.2f}")
    match argv:
        case []:
            return 0
        case ["--env", name]:
            print(os.environ.get(name, ""))
            return 0
        case _:
            return 2


if __name__ == "__main__":
    sys.exit(main())

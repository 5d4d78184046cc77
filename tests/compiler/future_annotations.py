from __future__ import annotations


def f(x: list[int] | None = None, *args: str, **kw: dict[str, "Node"]) -> Node:
    y: Optional[int] = 1
    return y


class Node:
    next: Node | None
    value: int = 0

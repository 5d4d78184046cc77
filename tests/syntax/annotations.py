def f(a: int) -> int: pass
def f(a: int = 1, *args: str, b: bool = True, **kwargs: dict) -> None: pass
def f(a: "str", b: list[int] = [], /, c: dict[str, int] | None = None): pass
def f(*args: *Ts): pass
def f(*args: *tuple[int, ...]): pass
def f() -> lambda: 1: pass
def f(a: (yield)): pass
x: int = 1
x: tuple[int, ...] = ()
x: Callable[[int], str]
x: int | None
def f(self, x: "C") -> "C": ...

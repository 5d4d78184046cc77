# typing: get_type_hints, overload, no_type_check, final, assert_never, TYPE_CHECKING.
import typing as t
from typing import get_type_hints, overload, List, Optional

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

def f(a: int, b: 'str', c: List['int'] = None) -> Optional[int]:
    return None
print(get_type_hints(f))
class Node:
    value: int
    next: 'Optional[Node]'
    label: t.ClassVar[str] = 'node'
print(get_type_hints(Node))
class Child(Node):
    extra: 'List[Node]'
print(get_type_hints(Child))
class Ann:
    a: t.Annotated[int, 'meta']
print(get_type_hints(Ann), get_type_hints(Ann, include_extras=True))
def g(x: 'Undefined'): pass
err(lambda: get_type_hints(g))
def nothing(): pass
print(get_type_hints(nothing), get_type_hints(lambda x: x))
print(get_type_hints(f, localns={'int': float}) == get_type_hints(f))

@overload
def area(x: int) -> int: ...
@overload
def area(x: str) -> str: ...
def area(x):
    return x * 2
print(area(3), area('ab'), len(t.get_overloads(area)))
@overload
def only_overload(x: int) -> int: ...
err(lambda: only_overload(1))

@t.no_type_check
def unchecked(x: int) -> str:
    return x
print(unchecked(5), unchecked.__no_type_check__, get_type_hints(unchecked))
@t.final
class Leaf:
    pass
print(Leaf.__final__)
err(lambda: t.assert_never(5))
print(t.assert_type(5, int))
if t.TYPE_CHECKING:
    print('never')
else:
    print('runtime')
def annotated(x: int, *args: str, y: float = 1.0, **kw: bool) -> None: pass
print(get_type_hints(annotated))
print(t.get_type_hints(t.NamedTuple('NT', [('a', int)])))

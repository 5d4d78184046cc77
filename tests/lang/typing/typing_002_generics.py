# typing: TypeVar, Generic, Protocol, NamedTuple, TypedDict, NewType.
import typing as t
from typing import TypeVar, Generic, Protocol, NamedTuple, TypedDict, NewType, runtime_checkable

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

T = TypeVar('T')
K = TypeVar('K')
N = TypeVar('N', bound=int)
S = TypeVar('S', str, bytes)
T_co = TypeVar('T_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
print(T, N, S, T_co, T_contra, T.__name__, N.__bound__, S.__constraints__, T_co.__covariant__)
print(t.Generic[T], t.List[T], t.List[T][int], t.Dict[K, T][str, int], t.List[T].__parameters__)
err(lambda: TypeVar('X', int))
err(lambda: TypeVar('X', int, str, bound=int))
err(lambda: TypeVar('X', covariant=True, contravariant=True))
err(lambda: t.List[int][str])
err(lambda: t.Dict[K, T][int])

class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v
    def get(self) -> T:
        return self.v
print(Box[int], Box[int](3).v, Box(4).get(), Box.__parameters__, Box.__mro__[1:])
print(Box[int].__origin__ is Box, Box[int].__args__, Box[int](5).__orig_class__)
class Pair(Generic[K, T]):
    pass
print(Pair[str, int], Pair.__parameters__)
class IntBox(Box[int]):
    pass
print(IntBox(9).get(), IntBox.__parameters__, IntBox.__mro__[1].__name__)
class Mapper(Box[T], Generic[T]):
    pass
print(Mapper.__parameters__, Mapper[str])
err(lambda: Box[int, str])
err(lambda: IntBox[int])
def plain_generic():
    class Bad(Generic):
        pass
err(plain_generic)
def bad_params():
    class Bad(Generic[int]):
        pass
err(bad_params)
err(lambda: Generic[T, T])

class Greeter(Protocol):
    def greet(self) -> str: ...
@runtime_checkable
class Closer(Protocol):
    def close(self): ...
class File:
    def close(self): pass
class Nope:
    pass
print(isinstance(File(), Closer), isinstance(Nope(), Closer), issubclass(File, Closer), issubclass(int, Closer))
err(lambda: isinstance(File(), Greeter))
err(lambda: Greeter())
class English(Greeter):
    def greet(self): return 'hello'
print(English().greet(), isinstance(3, t.SupportsInt), isinstance('x', t.SupportsInt), isinstance(3.5, t.SupportsFloat))
print(isinstance(5, t.SupportsIndex), isinstance(2.0, t.SupportsIndex), isinstance(-1, t.SupportsAbs))
err(lambda: runtime_checkable(int))
@runtime_checkable
class HasName(Protocol):
    name: str
class Named:
    name = 'n'
print(isinstance(Named(), HasName), isinstance(Nope(), HasName))
err(lambda: issubclass(Named, HasName))

class Point(NamedTuple):
    x: int
    y: str = 'a'
    def show(self):
        return f'<{self.x},{self.y}>'
p = Point(1)
print(p, p.show(), Point._fields, Point.__annotations__, Point._field_defaults, type(Point), isinstance(p, tuple))
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp._fields, Emp.__annotations__)
Kw = NamedTuple('Kw', a=int, b=str)
print(Kw(1, 'x'))
def nt_bad_default():
    class Bad(NamedTuple):
        x: int = 0
        y: int
err(nt_bad_default)
def nt_overwrite():
    class Bad(NamedTuple):
        x: int
        def _asdict(self): pass
err(nt_overwrite)

class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='Blade Runner', year=1982)
print(type(m), m, sorted(Movie.__required_keys__), Movie.__total__, type(Movie).__name__, Movie.__annotations__)
class Partial(TypedDict, total=False):
    rating: float
print(sorted(Partial.__optional_keys__), Partial.__total__, Partial(rating=1.0))
class Sub(Movie, total=False):
    extra: str
print(sorted(Sub.__required_keys__), sorted(Sub.__optional_keys__), Sub(name='x', year=1, extra='e'))
err(lambda: isinstance({}, Movie))
Alt = TypedDict('Alt', {'a': int, 'b': str})
print(Alt(a=1, b='2'), Alt.__annotations__, t.is_typeddict(Alt), t.is_typeddict(dict))
class WithReq(TypedDict, total=False):
    must: t.Required[int]
    may: str
print(sorted(WithReq.__required_keys__), sorted(WithReq.__optional_keys__))

UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__, type(UserId(5)))
def sub_newtype():
    class Bad(UserId):
        pass
err(sub_newtype)

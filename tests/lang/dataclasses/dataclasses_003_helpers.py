# dataclasses: asdict, astuple, replace, make_dataclass, Field repr parts.
from dataclasses import dataclass, field, asdict, astuple, replace, make_dataclass, fields, InitVar
from collections import namedtuple

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

@dataclass
class Point:
    x: int
    y: int

@dataclass
class Line:
    start: Point
    end: Point
    tags: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)

NT = namedtuple('NT', 'a b')
ln = Line(Point(0, 0), Point(1, 1), [Point(2, 2), 'x'], {'k': Point(3, 3), 'nt': NT(Point(4, 4), 1)})
d = asdict(ln)
print(d)
print(astuple(ln))
print(d['tags'] is ln.tags, type(d['meta']['nt']).__name__)
print(asdict(Point(1, 2), dict_factory=lambda kv: sorted(kv, reverse=True)))
print(astuple(Point(1, 2), tuple_factory=list))
err(lambda: asdict(Point))
err(lambda: asdict(3))
err(lambda: astuple({}))

p = Point(1, 2)
p2 = replace(p, y=5)
print(p2, p2 is p, replace(p), p)
err(lambda: replace(p, z=1))
err(lambda: replace(Point, x=1))
@dataclass
class WithInitFalse:
    a: int
    b: int = field(init=False, default=0)
err(lambda: replace(WithInitFalse(1), b=2))
print(replace(WithInitFalse(1), a=3))
@dataclass
class IV:
    a: int
    scale: InitVar[int]
    def __post_init__(self, scale):
        self.a *= scale
err(lambda: replace(IV(1, 2), a=3))
print(replace(IV(1, 2), a=3, scale=10))

C = make_dataclass('C', [('x', int), ('y', int, field(default=5))], namespace={'double': lambda self: self.x * 2})
c = C(3)
print(c, c.double(), C.__name__, [f.name for f in fields(C)])
D = make_dataclass('D', ['a', ('b', str)], bases=(), frozen=True)
print(D(1, 'b'), D.__dataclass_params__.frozen)
err(lambda: make_dataclass('E', ['a', 'a']))
err(lambda: make_dataclass('E', ['1a']))
err(lambda: make_dataclass('E', ['class']))
print(repr(fields(Point)[0]).split(',')[:2])
print(Point.__dataclass_params__)

# dataclasses: generated __init__/__repr__/__eq__, defaults, field(), errors.
from dataclasses import dataclass, field, fields, MISSING, is_dataclass

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(p.x, p.y, Point.y, Point.__match_args__, Point.__hash__)
err(lambda: Point())
err(lambda: Point(1, 2, 3))
err(lambda: Point(1, z=3))
err(lambda: hash(p))
p.x = 10
print(p)

@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity_on_hand: int = 0
    tags: list = field(default_factory=list)
    secret: str = field(default='s', repr=False)
    note: str = field(default='', compare=False)
    def total_cost(self) -> float:
        return self.unit_price * self.quantity_on_hand

item = Inventory('widget', 3.0, 10)
item.tags.append('new')
print(item, item.total_cost(), Inventory('a', 1.0).tags is not item.tags)
print(Inventory('a', 1.0, note='x') == Inventory('a', 1.0, note='y'))
print([f.name for f in fields(Inventory)], [f.type for f in fields(item)])
f0 = fields(Inventory)[3]
print(f0.name, f0.default is MISSING, f0.default_factory, f0.init, f0.repr, f0.hash, f0.compare, f0.kw_only, f0.metadata)

@dataclass
class WithInitFalse:
    a: int
    b: int = field(init=False, default=7)
    c: list = field(init=False, default_factory=lambda: ['made'])
w = WithInitFalse(1)
print(w, w.b, w.c)
err(lambda: WithInitFalse(1, 2))

def bad_order():
    @dataclass
    class Bad:
        x: int = 0
        y: int
err(bad_order)
def bad_mutable():
    @dataclass
    class Bad:
        x: list = []
err(bad_mutable)
def bad_dict():
    @dataclass
    class Bad:
        x: dict = {}
err(bad_dict)
err(lambda: field(default=1, default_factory=list))
def no_annotation():
    @dataclass
    class Bad:
        x = field(default=1)
err(no_annotation)
err(lambda: fields(3))
err(lambda: fields(Point(1)) and fields(int))
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3), is_dataclass(int))

@dataclass(init=False, repr=False, eq=False)
class Plain:
    v: int = 1
print(Plain().v, '__eq__' in Plain.__dict__, repr(Plain()).startswith('<'))

@dataclass
class Custom:
    v: int
    def __repr__(self):
        return 'custom!'
    def __eq__(self, other):
        return True
print(Custom(1), Custom(1) == 5)

@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty())

@dataclass()
class Nested:
    inner: Point
    items: list = field(default_factory=list)
n = Nested(Point(1, 2), [Point(3)])
print(n)
@dataclass
class Rec:
    me: object = None
r = Rec()
r.me = r
print(r)
@dataclass
class SelfField:
    self: int
    other: int = 2
print(SelfField(1), SelfField(self=5))

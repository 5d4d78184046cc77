# dataclasses: order, frozen, unsafe_hash, kw_only, KW_ONLY, InitVar,
# ClassVar, __post_init__, inheritance, slots, match_args.
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY, FrozenInstanceError
from typing import ClassVar

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)
vs = [Version(1, 2), Version(1, 0, 'x'), Version(0, 9)]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9), Version(1) <= Version(1, label='q'))
err(lambda: Version(1) < 3)
def order_no_eq():
    @dataclass(order=True, eq=False)
    class X:
        a: int
err(order_no_eq)
def order_override():
    @dataclass(order=True)
    class X:
        a: int
        def __lt__(self, o): return True
err(order_override)

@dataclass(frozen=True)
class Frozen:
    x: int
    y: tuple = (1, 2)
fr = Frozen(1)
print(fr, hash(fr) == hash(Frozen(1)), {fr: 'ok'}[Frozen(1)])
def assign(): fr.x = 5
err(assign)
def delete(): del fr.x
err(delete)
def newattr(): fr.z = 1
err(newattr)
print(isinstance(FrozenInstanceError(), AttributeError))
def frozen_setattr():
    @dataclass(frozen=True)
    class X:
        a: int
        def __setattr__(self, n, v): pass
err(frozen_setattr)
def mixed1():
    @dataclass
    class B:
        a: int
    @dataclass(frozen=True)
    class D(B):
        b: int
err(mixed1)
def mixed2():
    @dataclass(frozen=True)
    class B:
        a: int
    @dataclass
    class D(B):
        b: int
err(mixed2)

@dataclass(unsafe_hash=True)
class Hashed:
    a: int
    b: list = field(default_factory=list, hash=False)
h = Hashed(1)
print(hash(h) == hash((1,)), h)
def hash_override():
    @dataclass(unsafe_hash=True)
    class X:
        a: int
        def __hash__(self): return 1
err(hash_override)
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)
@dataclass
class ExplicitHash:
    a: int
    def __hash__(self): return 42
print(hash(ExplicitHash(1)))

@dataclass(kw_only=True)
class KW:
    a: int
    b: int = 2
print(KW(a=1), KW(b=3, a=4))
err(lambda: KW(1))
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int
    c: int = 3
print(Mixed(1, b=2), Mixed.__match_args__)
err(lambda: Mixed(1, 2))
@dataclass
class FieldKW:
    a: int = field(kw_only=True, default=0)
    b: int = 1
print(FieldKW(5), FieldKW(5, a=9))
def two_kw_only():
    @dataclass
    class X:
        a: KW_ONLY
        b: KW_ONLY
err(two_kw_only)

@dataclass
class WithInitVar:
    x: int
    scale: InitVar[int] = 1
    total: int = field(init=False)
    def __post_init__(self, scale):
        self.total = self.x * scale
wi = WithInitVar(3, 4)
print(wi, wi.total, [f.name for f in fields(wi)], WithInitVar.__dataclass_fields__['scale']._field_type)
print(InitVar[int], InitVar[list])

@dataclass
class WithClassVar:
    x: int
    count: ClassVar[int] = 0
    other: 'ClassVar[str]' = 'cv'
print(WithClassVar(1), [f.name for f in fields(WithClassVar)], WithClassVar.count)
def classvar_factory():
    @dataclass
    class X:
        c: ClassVar[list] = field(default_factory=list)
err(classvar_factory)

@dataclass
class Post:
    a: int
    def __post_init__(self):
        print('post_init', self.a)
        if self.a < 0:
            raise ValueError('negative')
Post(1)
err(lambda: Post(-1))

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Child(Base):
    z: int = 5
    x: int = 10
print(Child(), Child(1, 2, 3), [f.name for f in fields(Child)])
class NotDC(Base):
    pass
print(NotDC(7))
@dataclass
class GrandChild(Child):
    w: str = 'w'
print(GrandChild(0, w='q'))

@dataclass(slots=True)
class Slotted:
    a: int
    b: str = 'b'
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))
err(lambda: setattr(s, 'c', 1))
@dataclass(frozen=True, slots=True)
class FrozenSlots:
    a: int
fs = FrozenSlots(2)
print(fs, hash(fs) == hash((2,)))
err(lambda: setattr(fs, 'a', 3))

@dataclass(match_args=False)
class NoMatch:
    a: int
print(hasattr(NoMatch, '__match_args__'))
@dataclass
class Shape:
    kind: str
    size: int = 1
match Shape('circle', 3):
    case Shape('square', _):
        print('square')
    case Shape(kind, size=s2):
        print('matched', kind, s2)

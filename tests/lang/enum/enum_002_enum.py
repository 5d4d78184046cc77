# enum.Enum: members, aliases, lookup, iteration, errors, methods, auto().
from enum import Enum, auto, unique

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2
    WEDNESDAY = 3
    THURSDAY = 4
    FRIDAY = 5
    SATURDAY = 6
    SUNDAY = 7
    def is_weekend(self):
        return self in (Weekday.SATURDAY, Weekday.SUNDAY)
    @classmethod
    def from_name(cls, n):
        return cls[n.upper()]
    @property
    def short(self):
        return self.name[:3].title()
    LIMIT = 10  # a member too
print(Weekday.SATURDAY.is_weekend(), Weekday.MONDAY.is_weekend(), Weekday.from_name('friday'), Weekday.TUESDAY.short)
print(len(Weekday), Weekday.LIMIT, [d.name for d in Weekday][:3], Weekday(7), Weekday['LIMIT'].value)
print(Weekday.MONDAY is Weekday(1), Weekday.MONDAY == Weekday.MONDAY, Weekday.MONDAY != Weekday.TUESDAY, Weekday.MONDAY == 1)
err(lambda: Weekday(0))
err(lambda: Weekday('MONDAY'))
err(lambda: Weekday['monday'])
err(lambda: Weekday.MONDAY < Weekday.TUESDAY)
err(lambda: Weekday.MONDAY + 1)
err(lambda: Weekday.NOPE)
err(lambda: setattr(Weekday.MONDAY, 'name', 'x'))
err(lambda: setattr(Weekday.MONDAY, 'value', 9))
print(Weekday.MONDAY.__class__ is Weekday, type(Weekday).__name__, Weekday.__name__, Weekday.__qualname__)
print(sorted(Weekday.__members__)[:2], list(Weekday.__members__.values())[-1])
print({Weekday.MONDAY: 'start'}[Weekday(1)], sorted([Weekday.FRIDAY, Weekday.MONDAY], key=lambda d: d.value))

class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2
print(Shape.ALIAS_FOR_SQUARE, Shape(2), list(Shape), Shape.__members__['ALIAS_FOR_SQUARE'].name)
err(lambda: unique(Shape))

class Ordinal(Enum):
    FIRST = auto()
    SECOND = auto()
    THIRD = 10
    FOURTH = auto()
print(list(Ordinal), auto(), repr(auto(5)))
class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.title()
    NORTH = auto()
    SOUTH = auto()
print([(m.name, m.value) for m in Named])
class Mixed(Enum):
    A = 'a'
    B = (1, 2)
    C = [1, 2]
    D = None
print(Mixed('a'), Mixed((1, 2)), Mixed([1, 2]), Mixed(None), repr(Mixed.C))

class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None
print(Status('ACTIVE'), Status('Inactive'))
err(lambda: Status('other'))
class BadMissing(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return 5
err(lambda: BadMissing(2))

class Coord(Enum):
    X = (1, 'ex')
    Y = (2, 'why')
    def __init__(self, num, label):
        self.num = num
        self.label = label
print(Coord.X.num, Coord.Y.label, Coord((2, 'why')), Coord.X.value)
class Custom(Enum):
    def __new__(cls, value, doc):
        obj = object.__new__(cls)
        obj._value_ = value
        obj.doc = doc
        return obj
    LOW = 1, 'low things'
    HIGH = 2, 'high things'
print(Custom(1), Custom.HIGH.doc, Custom.LOW.value)

class Empty(Enum):
    def describe(self):
        return self.name
class Sub(Empty):
    A = 1
print(Sub.A.describe(), list(Sub), isinstance(Sub.A, Empty))
def extend():
    class More(Sub):
        B = 2
err(extend)
def dup():
    class D(Enum):
        A = 1
        A = 2
err(dup)
def reserved():
    class R(Enum):
        _bad_ = 1
err(reserved)
def mro_name():
    class R(Enum):
        mro = 1
err(mro_name)
class Ignore(Enum):
    _ignore_ = 'tmp'
    tmp = 5
    A = 1
print(list(Ignore), hasattr(Ignore, 'tmp'))
class Ord(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
print(list(Ord))
def bad_order():
    class O(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
err(bad_order)
class WithName(Enum):
    name = 1
    value = 2
print(WithName.name, WithName.value, WithName.name.name, WithName.value.value, WithName(1))
import copy
print(copy.deepcopy([Weekday.MONDAY])[0] is Weekday.MONDAY, Weekday.MONDAY.__reduce_ex__(2))
print(format(Weekday.MONDAY, '>10'), f'{Weekday.MONDAY!r}', str(Weekday.SUNDAY), '%s' % Weekday.SUNDAY)
match Weekday.SATURDAY:
    case Weekday.SATURDAY | Weekday.SUNDAY:
        print('weekend')

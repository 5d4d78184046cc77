# enum: an overview of Enum, IntEnum, StrEnum, Flag, IntFlag and helpers.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
def err(f):
    try: print("ok", f())
    except Exception as e: print(type(e).__name__ + ":", e)
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color(1), Color['GREEN'], list(Color), len(Color), Color.CRIMSON is Color.RED)
print(Color.__members__, format(Color.RED), f"{Color.RED}", f"{Color.RED:>12}")
err(lambda: Color(7)); err(lambda: Color['X']); print(Color.RED in Color)
err(lambda: Color.RED < Color.GREEN)
def sub():
    class More(Color): PINK = 9
err(sub)
def reassign(): Color.RED = 5
err(reassign)
def delm(): del Color.RED
err(delm)
print(Color, type(Color), Color.RED.name, Color.RED.value, hash(Color.RED) == hash('RED'))
class N(IntEnum):
    ONE = 1
    TWO = 2
print(N.ONE, repr(N.ONE), str(N.ONE), format(N.ONE), f"{N.TWO:03d}", N.ONE + 1, N.ONE == 1, N.ONE < N.TWO, N(2))
class S(StrEnum):
    A = auto()
    B = 'bee'
print(S.A, repr(S.A), S.B.upper(), S.A == 'a', format(S.B))
class P(Flag):
    R = auto(); W = auto(); X = auto()
    RW = R | W
print(P.R, repr(P.R | P.W), P.R | P.W, P(0), repr(P(0)), list(P), P.RW, repr(P.RW), list(P.R | P.X), len(P.R|P.X), P.R in P.RW, bool(P(0)), ~P.R, repr(~P.R))
err(lambda: P(8))
class IP(IntFlag):
    A = 1; B = 2
print(IP.A | IP.B, repr(IP.A | IP.B), str(IP.A), IP(5), repr(IP(5)), ~IP.A, IP.A + 1, repr(IP(0)))
@unique
class U(Enum):
    A = 1
err(lambda: unique(Color))
class A(Enum):
    def _generate_next_value_(name, start, count, last_values): return name.lower()
    X = auto(); Y = auto()
print(list(A), [a.value for a in A])
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.ANT.value, repr(Animal.BEE), Animal.__module__)
An2 = Enum('An2', [('X', 10), ('Y', 20)])
print(list(An2), Enum('E3', {'a': 1}).a)
class M(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
print(M(99))
class Pl(Enum):
    MERCURY = (3.3e23, 2.4e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
print(Pl.MERCURY.mass, Pl.MERCURY.value, repr(Pl.MERCURY))
err(lambda: Enum('Bad', 'A A'))
def sunder():
    class X(Enum):
        _x_ = 1
err(sunder)
print(dir(Color))
print(dir(Color.RED))
import copy; print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.RED) is Color.RED)
print(Color.RED.__class__, isinstance(Color.RED, Color), Color.RED == 1, Color.RED != Color.BLUE)
print({Color.RED: 1}, sorted(Color, key=lambda c: c.value), Color._member_names_, list(reversed(Color)))
print(enum.EnumMeta is enum.EnumType, N.__mro__, IP.__mro__)
err(lambda: Enum())
class E(Enum):
    pass
print(list(E), E.__members__)
class Mix(str, Enum):
    A = 'a'
print(Mix.A, repr(Mix.A), format(Mix.A), Mix.A == 'a')
class Fl2(Flag, boundary=enum.STRICT):
    A = 1
err(lambda: Fl2(2))
print(P.R.name, (P.R|P.W).name, P(0).name, (P.R|P.W).value)

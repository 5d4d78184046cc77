# enum functional API, unique, verify, dir, pickling helpers.
import enum
from enum import Enum, IntEnum, Flag, unique, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

Animal = Enum('Animal', 'ANT BEE CAT DOG')
print(list(Animal), Animal.ANT.value, Animal.__module__, Animal(3))
A2 = Enum('A2', 'x, y, z', start=10)
print(list(A2))
A3 = Enum('A3', ['one', 'two'])
A4 = Enum('A4', [('up', 'U'), ('down', 'D')])
A5 = Enum('A5', {'k': 1, 'j': 2})
print(list(A3), list(A4), list(A5))
N = IntEnum('N', 'A B')
print(N.A + N.B, repr(N.B))
F = Flag('F', 'R W X')
print(list(F), F.R | F.X)
Q = Enum('Q', 'a b', qualname='Outer.Q', module='mymod')
print(Q.__qualname__, Q.__module__)
T = Enum('T', 'a', type=int)
print(T.a + 1)
err(lambda: Enum('Dup', 'A A'))
err(lambda: Enum('Bad', 'mro'))

@unique
class Fine(Enum):
    A = 1
    B = 2
print(list(Fine))
class Dupes(Enum):
    A = 1
    B = 1
    C = 2
    D = 2
err(lambda: unique(Dupes))
err(lambda: verify(UNIQUE)(Dupes))
@verify(CONTINUOUS)
class Cont(Enum):
    A = 1
    B = 2
print(list(Cont))
class Gap(Enum):
    A = 1
    C = 3
err(lambda: verify(CONTINUOUS)(Gap))
class FlagGap(Flag):
    A = 1
    C = 4
err(lambda: verify(CONTINUOUS)(FlagGap))
print(dir(Fine))
print(dir(Fine.A))
class WithMethod(Enum):
    A = 1
    def hello(self):
        return 'hi'
print(dir(WithMethod.A))
print(Fine.A.__reduce_ex__(4), enum.EnumMeta is enum.EnumType, enum.STRICT, enum.KEEP)
print(isinstance(Fine, enum.EnumType), issubclass(Fine, Enum), Enum.__members__, list(Enum))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(round(Planet.EARTH.surface_gravity, 2), Planet.MERCURY.value)
print(enum.nonmember, Enum('M', {'a': 1}).__members__)
class NM(Enum):
    A = 1
    B = enum.nonmember(2)
    @enum.member
    def C(self):
        return 3
print(len(NM), NM.A, NM.B, NM.C.name, NM.C.value(None))

# IntEnum, StrEnum, ReprEnum and mixins.
from enum import Enum, IntEnum, StrEnum, ReprEnum, auto

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10
print(Priority.LOW, repr(Priority.HIGH), str(Priority.MEDIUM), f'{Priority.HIGH}', f'{Priority.HIGH:04d}', format(Priority.LOW, 'x'))
print(Priority.LOW < Priority.HIGH, Priority.HIGH > 7, Priority.LOW + Priority.MEDIUM, Priority.HIGH * 2, Priority(5), int(Priority.HIGH))
print(sorted([Priority.HIGH, Priority.LOW, Priority.MEDIUM]), max(Priority), Priority.MEDIUM == 5, isinstance(Priority.LOW, int))
print([1, 2, 3, 4, 5, 6][Priority.MEDIUM], hash(Priority.LOW) == hash(1), Priority.LOW in [1], {1: 'one'}[Priority.LOW])
err(lambda: Priority(2))
err(lambda: Priority('1'))
class AutoInt(IntEnum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(AutoInt), AutoInt.D + 0)
def bad_int():
    class Bad(IntEnum):
        A = 'x'
err(bad_int)

class Color(StrEnum):
    RED = auto()
    GREEN = 'green'
    BLUE = auto()
print(Color.RED, repr(Color.RED), Color.GREEN.upper(), Color.RED == 'red', Color('blue'), f'{Color.BLUE:>6}|', Color.RED + '!')
print(list(Color), ','.join(Color), isinstance(Color.RED, str), len(Color.GREEN))
def bad_str():
    class Bad(StrEnum):
        A = 1
err(bad_str)

class Mix(str, Enum):
    A = 'a'
    B = 'b'
print(Mix.A, repr(Mix.A), format(Mix.A), f'{Mix.B}', Mix.A == 'a', Mix.A.upper(), Mix('b'))
class FloatEnum(float, Enum):
    PI = 3.14
    E = 2.718
print(FloatEnum.PI, repr(FloatEnum.E), FloatEnum.PI + 1, round(FloatEnum.E, 1))
class Rep(int, ReprEnum):
    ONE = 1
print(Rep.ONE, repr(Rep.ONE), format(Rep.ONE))
def bad_repr():
    class B(ReprEnum):
        A = 1
err(bad_repr)
class TupleEnum(tuple, Enum):
    P = (1, 2)
    Q = (3, 4)
print(TupleEnum.P, TupleEnum.P[0], TupleEnum((3, 4)), len(TupleEnum.Q))

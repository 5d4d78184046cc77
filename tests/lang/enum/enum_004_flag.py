# Flag and IntFlag: combination, containment, iteration, boundaries, reprs.
from enum import Flag, IntFlag, auto, STRICT, CONFORM, EJECT, KEEP, FlagBoundary

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
    NONE = 0
rw = Perm.R | Perm.W
print(rw, repr(rw), rw.value, rw.name, Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(rw))
print(Perm.RWX, list(Perm), Perm(0), repr(Perm(0)), Perm.NONE, bool(Perm.NONE), Perm(6) is rw)
print(~Perm.R, ~Perm.RWX, ~Perm.NONE, rw & Perm.W, rw ^ Perm.R, rw ^ Perm.X, Perm.R | Perm.R)
print(Perm['R'], Perm(7), list(Perm.RWX), [m.name for m in ~Perm.X])
err(lambda: Perm(8))
err(lambda: 'R' in Perm.RWX)
err(lambda: Perm.R | 1)
class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
print(list(Color), [c.value for c in Color], Color.RED | Color.BLUE, Color(3), str(Color(7)))
class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2
print(Conform(7), repr(Conform(4)))
class Eject(Flag, boundary=EJECT):
    A = 1
print(Eject(3), type(Eject(3)).__name__)
class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2
print(Keep(5), repr(Keep(12)))
print(STRICT, repr(KEEP), FlagBoundary.CONFORM.value, list(FlagBoundary))

class IP(IntFlag):
    R = 4
    W = 2
    X = 1
print(IP.R | IP.W, repr(IP.R | IP.W), IP.R + 1, IP(0), repr(IP(0)), IP(9), repr(IP(9)), ~IP.R, repr(~IP.R))
print(IP.R | 8, repr(IP.X | 16), IP.R == 4, isinstance(IP.R, int), IP.R & 6, 6 & IP.R, type(IP.R & 6).__name__)
print(list(IP(7)), IP.W in IP(6), format(IP.R), f'{IP.R | IP.X}', str(IP.R | IP.X), int(IP.R | IP.X))
class Big(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(list(Big), Big.C.value, Big(0) == 0)
def bad_multi():
    class Bad(Flag):
        A = 1
        AB = 3
err(bad_multi)

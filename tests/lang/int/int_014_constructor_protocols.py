# int() via __int__, __index__, __trunc__; int subclasses.
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

class HasInt:
    def __int__(self):
        return 42
class HasIndex:
    def __index__(self):
        return 7
class HasBoth:
    def __int__(self):
        return 1
    def __index__(self):
        return 2
class BadInt:
    def __int__(self):
        return "x"
class BadIndex:
    def __index__(self):
        return 1.5
class HasTrunc:
    def __trunc__(self):
        return 9
class TruncIndex:
    def __trunc__(self):
        return HasIndex()
class TruncBad:
    def __trunc__(self):
        return "no"
class Sub(int):
    pass
class SubRepr(int):
    def __repr__(self):
        return "SubRepr(%d)" % int(self)
class IntReturnsSub:
    def __int__(self):
        return Sub(5)
for f in [lambda: int(HasInt()), lambda: int(HasIndex()), lambda: int(HasBoth()), lambda: int(BadInt()),
          lambda: int(BadIndex()), lambda: int(HasTrunc()), lambda: int(TruncIndex()), lambda: int(TruncBad()),
          lambda: int(Sub(5)), lambda: int(IntReturnsSub()), lambda: Sub(12), lambda: Sub("12"), lambda: Sub("ff", 16),
          lambda: Sub(), lambda: Sub(2.9), lambda: SubRepr(3), lambda: Sub(3) + Sub(4), lambda: -Sub(3), lambda: +Sub(3),
          lambda: abs(Sub(-3)), lambda: Sub(3) * 2.0, lambda: Sub(7) // 2, lambda: Sub(2) ** 100, lambda: ~Sub(0),
          lambda: int(3.99), lambda: int(-3.99), lambda: int(1e20), lambda: int(-0.0), lambda: int(float("inf")),
          lambda: int(float("-inf")), lambda: int(float("nan")), lambda: int(1.5e300) % 1000, lambda: int(2 ** 0.5),
          lambda: int(complex(1, 0)), lambda: int(object()), lambda: int("12", base=Sub(8)), lambda: int("12", base=HasIndex()),
          lambda: [1, 2, 3, 4, 5, 6, 7, 8][HasIndex()], lambda: range(HasIndex()), lambda: hex(HasIndex()),
          lambda: (2 ** 100)[0]]:
    t(f)
s = Sub(10)
s.attr = "x"
print(s, repr(s), s.attr, s == 10, hash(s) == hash(10), isinstance(s, int), type(s).__name__, str(s), f"{s:>5}")
print(SubRepr(4), str(SubRepr(4)), [SubRepr(5)], f"{SubRepr(6)}", format(SubRepr(7), "x"))
class Meters(int):
    def __add__(self, other):
        return Meters(int(self) + int(other))
    def __repr__(self):
        return f"{int(self)}m"
print(Meters(3) + 4, 4 + Meters(3), Meters(3) + Meters(4), sum([Meters(1), Meters(2)], Meters(0)))
big = Sub(2 ** 100)
print(big, big + 1, big // 3, big.bit_length(), -big, big > 2 ** 99)

# Operator overloading via dunder methods, reflected and in-place operators, NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return bool(self.x or self.y)
    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, a * b, -a, +a, abs(b), a @ b)
print(a == Vec(1, 2), a != b, bool(Vec(0, 0)), bool(a))
print(len({a, Vec(1, 2), b}))
c = a
c += b
print(c, a, c is a)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __repr__(self):
        return f"Acc{self.items}"
acc = Acc()
alias = acc
acc += 1
acc += 2
print(acc, alias is acc)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        if isinstance(o, int):
            return Money(self.cents + o)
        return Money(self.cents + o.cents)
    def __radd__(self, o):
        return self.__add__(o)
    def __lt__(self, o):
        return self.cents < o.cents
    def __repr__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet), sorted(wallet), max(wallet), min(wallet))
class Mod7:
    def __init__(self, v):
        self.v = v % 7
    def __pow__(self, e, mod=None):
        return Mod7(pow(self.v, e, 7))
    def __floordiv__(self, o):
        return Mod7(self.v // o.v)
    def __mod__(self, o):
        return Mod7(self.v % o.v)
    def __lshift__(self, n):
        return Mod7(self.v << n)
    def __and__(self, o):
        return Mod7(self.v & o.v)
    def __invert__(self):
        return Mod7(6 - self.v)
    def __repr__(self):
        return f"<{self.v} mod 7>"
m = Mod7(5)
print(m ** 3, m // Mod7(2), m % Mod7(3), m << 2, m & Mod7(3), ~m)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print("lt called", self.v, o.v)
        return self.v < o.v
    def __gt__(self, o):
        print("gt called", self.v, o.v)
        return self.v > o.v
print(Cmp(1) < Cmp(2))
print(Cmp(1) > Cmp(2))
class OnlyLeft:
    def __eq__(self, o):
        return "custom eq"
print(OnlyLeft() == 5, 5 == OnlyLeft())

# __slots__: fixed attribute sets, no __dict__, inheritance with slots, defaults via class attributes.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2)
p.x = 10
print(p, p.x, hasattr(p, "__dict__"), Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
q = Point.__new__(Point)
try:
    q.x
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p)
class Point3(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
    def __repr__(self):
        return f"Point3({self.x}, {self.y}, {self.z})"
p3 = Point3(1, 2, 3)
print(p3, hasattr(p3, "__dict__"), isinstance(p3, Point))
try:
    p3.w = 0
except AttributeError as e:
    print("AttributeError:", e)
class Loose(Point):
    pass
lo = Loose(0, 0)
lo.extra = "allowed"
print(lo.extra, hasattr(lo, "__dict__"), lo.__dict__)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __iter__(self):
        yield self.x
        yield self.y
total = Vec()
for i in range(100):
    total = total + Vec(i, -i)
print(tuple(total), total == Vec(4950, -4950), list(Vec(3, 4)))
print(type(Point.__dict__["x"]).__name__, Point.x.__name__)
class Single:
    __slots__ = "only"
s = Single()
s.only = "one"
print(s.only, Single.__slots__)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)

# Builtins that build or inspect classes: super, property, classmethod, staticmethod, object, type(name, bases, ns), globals, locals.
class Shape:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"{self.name}"
class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side
    def describe(self):
        return super().describe() + f" of side {self.side}"
    area = property(lambda self: self.side ** 2)
    unit = classmethod(lambda cls: cls(1))
    helper = staticmethod(lambda a, b: a * b)
sq = Square(3)
print(sq.describe(), sq.area, Square.unit().describe(), Square.helper(6, 7), sq.helper(2, 2))
print(super(Square, sq).describe(), isinstance(super(Square, sq), super))
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))
g = globals()
print(g["__name__"], "Square" in g, "sq" in g, type(g).__name__)
g["injected"] = "via globals()"
print(injected)
Vector = type("Vector", (), {
    "__init__": lambda self, x, y: setattr(self, "xy", (x, y)),
    "__repr__": lambda self: f"Vector{self.xy}",
    "__add__": lambda self, o: Vector(self.xy[0] + o.xy[0], self.xy[1] + o.xy[1]),
    "norm2": property(lambda self: self.xy[0] ** 2 + self.xy[1] ** 2),
})
v = Vector(1, 2) + Vector(3, 4)
print(v, v.norm2, type(v).__name__)
class Meta(type):
    pass
M = Meta("M", (object,), {"a": 1})
print(type(M).__name__, M.a, isinstance(M, type))
o = object()
print(type(o) is object, object.__name__, len(dir(o)) > 10, o.__class__.__name__)
class Base:
    def greet(self):
        return "base"
class Mid(Base):
    def greet(self):
        return "mid>" + super().greet()
class Leaf(Mid):
    def greet(self):
        return "leaf>" + super().greet()
    @classmethod
    def cgreet(cls):
        return super().greet.__name__
print(Leaf().greet(), Leaf.cgreet(), super(Mid, Leaf()).greet())
class Slots:
    __slots__ = ()
print(len(Slots.__slots__), type(Slots()).__name__)
print(isinstance(property(), property), isinstance(classmethod(len), classmethod), isinstance(staticmethod(len), staticmethod))
p = property(lambda s: 1)
p2 = p.setter(lambda s, v: None)
print(p.fset is None, p2.fset is not None, p2.fget is p.fget)

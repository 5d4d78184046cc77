# Object builtins: type, isinstance, issubclass, getattr, setattr, hasattr, delattr, vars, dir, callable, id, hash, object.
class Base:
    kind = "base"
    def method(self):
        return "m"
class Child(Base):
    def __init__(self):
        self.x = 1
        self.y = 2
c = Child()
print(type(c).__name__, type(c) is Child, type(1), type("s"), type(None).__name__, type(type).__name__, type(Base.method).__name__)
print(isinstance(c, Child), isinstance(c, Base), isinstance(c, object), isinstance(1, (str, int)), isinstance(True, int), isinstance(1, bool))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(Child, (int, Base)), issubclass(int, object), issubclass(Child, Child))
print(getattr(c, "x"), getattr(c, "kind"), getattr(c, "missing", "default"), getattr(c, "method")(), getattr(Child, "kind"))
setattr(c, "z", 3)
print(c.z, hasattr(c, "z"), hasattr(c, "nope"), hasattr(Child, "method"), hasattr(5, "real"))
delattr(c, "z")
print(hasattr(c, "z"), vars(c), sorted(vars(Child).keys() & {"__init__", "__module__"}))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
names = dir(c)
print("x" in names, "method" in names, "kind" in names, names == sorted(names))
print([n for n in dir(Child) if not n.startswith("__")])
print(callable(len), callable(c.method), callable(Child), callable(c), callable("s"), callable(lambda: 0))
a, b = object(), object()
print(id(a) == id(a), id(a) != id(b), isinstance(id(a), int), a is not b, a == a, a != b)
print(hash(1) == hash(1.0), hash("x") == hash("x"), hash((1, 2)) == hash((1, 2)), hash(True) == hash(1), hash(0) == hash(0.0) == hash(False))
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
try:
    hash({})
except TypeError as e:
    print("TypeError:", e)
print(type(object()).__name__, object.__name__, isinstance(Child, type), type(Child).__name__)
T = type("T", (Base,), {"extra": 42})
t = T()
print(T.__name__, t.extra, t.kind, t.method(), isinstance(t, Base), T.__bases__[0].__name__)
try:
    object().attr = 1
except AttributeError as e:
    print("AttributeError:", e)
o = object()
print(str(o).startswith("<object object at"), repr(Child).replace("__main__.", ""))
print(vars(Base)["kind"], type(vars(c)).__name__)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
class WithGetattr:
    def __getattr__(self, name):
        return name * 2
w = WithGetattr()
print(getattr(w, "ab"), hasattr(w, "anything"), w.xyz)

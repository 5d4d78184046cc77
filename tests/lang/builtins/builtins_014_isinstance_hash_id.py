# isinstance, issubclass, callable, hash, id, format, repr, ascii.
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, int)), isinstance(1, (str, (float, int))))
print(isinstance("s", str | None), isinstance(None, int | None), isinstance([], ()))
print(issubclass(bool, int), issubclass(bool, (str, int)), issubclass(int, object), issubclass(object, int))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class M(metaclass=Meta):
    pass
print(isinstance("magic", M), isinstance("other", M), issubclass(int, M), issubclass(str, M))
print(callable(len), callable(1), callable(int), callable(lambda: 0), callable(M))
class CallMe:
    def __call__(self): pass
print(callable(CallMe()), callable(CallMe))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)), hash(-1), hash(True))
class H:
    def __hash__(self): return 42
print(hash(H()))
for v in [[], {}, set()]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
a = object()
print(id(a) == id(a), id(a) != id(object()), type(id(a)).__name__)
x = [1]
y = x
print(id(x) == id(y))
print(format(3.14159, ".2f"), format(42, "08b"), format("s", ">4"), format(1234567, ","), format(5))
print(repr("it's"), repr([1, "a"]), ascii("é"), ascii(["ü", 1]), ascii("plain"))
class F:
    def __format__(self, spec):
        return "F(" + spec + ")"
print(format(F(), "xyz"), format(F()), f"{F():abc}")

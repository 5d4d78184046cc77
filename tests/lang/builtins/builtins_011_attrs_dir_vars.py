# getattr/setattr/hasattr/delattr, dir, vars.
class C:
    cls_attr = 1
    def __init__(self):
        self.x = 10
    def method(self):
        return 2
c = C()
print(getattr(c, "x"), getattr(c, "cls_attr"), getattr(c, "nope", "default"), getattr(c, "nope", None))
print(hasattr(c, "x"), hasattr(c, "nope"), hasattr(C, "method"))
setattr(c, "y", 20)
print(c.y, vars(c))
delattr(c, "y")
print(hasattr(c, "y"), vars(c))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
class Prop:
    @property
    def boom(self):
        raise ValueError("from property")
try:
    hasattr(Prop(), "boom")
except ValueError as e:
    print("ValueError:", e)
class G:
    def __getattr__(self, name):
        return name.upper()
print(getattr(G(), "abc"), hasattr(G(), "anything"))
print([n for n in dir(c) if not n.startswith("__")])
print([n for n in dir(C) if not n.startswith("__")])
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(WithDir()))
print("append" in dir([]), "keys" in dir({}), "__len__" in dir("s"))
print(dir(1) == sorted(dir(1)))
def f():
    a = 1
    b = 2
    return dir()
print(f())
print(vars(C)["cls_attr"], "method" in vars(C))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
class S:
    __slots__ = ("a",)
try:
    vars(S())
except TypeError as e:
    print("TypeError:", e)

# Descriptor protocol details and attribute hooks: __get__/__set__, data vs non-data, __getattr__, __getattribute__, __setattr__, __delattr__.
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Data:
    def __get__(self, obj, objtype=None):
        return "data descriptor"
    def __set__(self, obj, value):
        obj.__dict__["data_store"] = value
class Host:
    nd = NonData()
    d = Data()
h = Host()
print(h.nd, h.d, Host.nd)
h.__dict__["nd"] = "instance wins over non-data"
h.__dict__["d"] = "instance loses to data descriptor"
print(h.nd, h.d)
h.d = 42
print(h.__dict__["data_store"])
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_log", [])
    def __getattr__(self, name):
        self._log.append(f"get {name}")
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        self._log.append(f"set {name}")
        setattr(self._target, name, value)
    def __delattr__(self, name):
        self._log.append(f"del {name}")
        delattr(self._target, name)
class Target:
    pass
t = Target()
t.a = 1
px = Proxy(t)
print(px.a)
px.b = 2
print(t.b)
del px.a
print(hasattr(t, "a"), px._log)
try:
    px.missing
except AttributeError as e:
    print("AttributeError:", e)
class Audit:
    def __init__(self):
        self.hits = 0
    def __getattribute__(self, name):
        if name != "hits" and not name.startswith("__"):
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
a = Audit()
a.method(); a.method(); a.hits
print(a.hits)
class Record:
    def __init__(self, **fields):
        self.__dict__.update(fields)
    def __getattr__(self, name):
        if name.startswith("get_"):
            field = name[4:]
            return lambda: self.__dict__.get(field, "n/a")
        raise AttributeError(f"{type(self).__name__!r} has no field {name!r}")
r = Record(name="pip", size=3)
print(r.name, r.get_name(), r.get_size(), r.get_color())
try:
    r.color
except AttributeError as e:
    print("AttributeError:", e)
class Bound:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __set_name__(self, owner, name):
        self.slot = "_" + name
    def __get__(self, obj, objtype=None):
        return self if obj is None else getattr(obj, self.slot)
    def __set__(self, obj, value):
        setattr(obj, self.slot, min(max(value, self.lo), self.hi))
class Volume:
    level = Bound(0, 11)
    def __init__(self, level):
        self.level = level
v = Volume(5)
v.level += 10
print(v.level, Volume(-3).level, type(Volume.level).__name__)
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: frozen")
f = Frozen(3)
try:
    f.x = 4
except AttributeError as e:
    print("AttributeError:", e)
print(f.x)
class Meth:
    def __init__(self):
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.calls
class UsesCallable:
    c = Meth()
uc = UsesCallable()
print(uc.c(), uc.c(), UsesCallable.c.calls)
def plain(self):
    return ("plain", type(self).__name__)
UsesCallable.plain = plain
print(uc.plain(), UsesCallable.plain.__get__(uc)())

# Metaclasses: type() as a class factory, custom metaclasses, __new__/__init__/__call__ on the metaclass.
Dyn = type("Dyn", (), {"x": 1, "hello": lambda self: f"hello from {type(self).__name__}"})
d = Dyn()
print(Dyn.__name__, Dyn.x, d.hello(), type(Dyn).__name__, isinstance(Dyn, type))
Child = type("Child", (Dyn,), {"y": 2})
print(Child.x, Child.y, Child().hello(), [c.__name__ for c in Child.__mro__])
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        ns.setdefault("tag", name.lower())
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.initialised = True
class Base(metaclass=Registry):
    pass
class Alpha(Base):
    pass
class Beta(Base):
    tag = "custom"
print(Registry.classes, Alpha.tag, Beta.tag, Alpha.initialised, type(Alpha).__name__, isinstance(Beta, Registry))
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value=0):
        self.value = value
c1 = Config(5)
c2 = Config(9)
print(c1 is c2, c2.value)
class Validated(type):
    def __new__(mcls, name, bases, ns):
        for key, val in ns.items():
            if callable(val) and not key.startswith("_") and not key.islower():
                raise TypeError(f"method {key!r} must be lower case")
        return super().__new__(mcls, name, bases, ns)
class Good(metaclass=Validated):
    def run(self):
        return "ran"
print(Good().run())
try:
    class Bad(metaclass=Validated):
        def Run(self):
            pass
except TypeError as e:
    print("TypeError:", e)
class Ordered(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.fields = [k for k, v in ns.items() if isinstance(v, int) and not k.startswith("_")]
        return cls
    def __repr__(cls):
        return f"<model {cls.__name__} {cls.fields}>"
    def __len__(cls):
        return len(cls.fields)
class Record(metaclass=Ordered):
    zeta = 1
    alpha = 2
    mid = 3
print(Record, Record.fields, len(Record))
class Meta(type):
    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
    @property
    def description(cls):
        return f"class {cls.__name__} via metaclass property"
class Generic(metaclass=Meta):
    pass
print(Generic[int], Generic["x"], Generic.description)
print(type(type), type(int), type(Meta), Meta.__mro__[1].__name__)
def make_class(name, **fields):
    def __init__(self, **kw):
        for f, default in fields.items():
            setattr(self, f, kw.get(f, default))
    def __repr__(self):
        return name + "(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"
    return type(name, (object,), {"__init__": __init__, "__repr__": __repr__})
Pt = make_class("Pt", x=0, y=0, label="")
print(Pt(x=3, label="a"), Pt(), Pt.__name__)

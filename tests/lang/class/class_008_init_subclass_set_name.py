# __init_subclass__ hooks and __set_name__ for descriptors that learn their attribute names.
class Plugin:
    plugins = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        key = name or cls.__name__.lower()
        Plugin.plugins[key] = cls
        cls.key = key
class CsvExporter(Plugin, name="csv"):
    pass
class JsonExporter(Plugin):
    pass
class PrettyJson(JsonExporter, name="json-pretty"):
    pass
print(sorted(Plugin.plugins), CsvExporter.key, JsonExporter.key, PrettyJson.key)
class Shape:
    sides = None
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.sides is None:
            raise TypeError(f"{cls.__name__} must define sides")
class Triangle(Shape):
    sides = 3
print(Triangle.sides)
try:
    class Blob(Shape):
        pass
except TypeError as e:
    print("TypeError:", e)
class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Typed(Field):
    def __init__(self, kind):
        self.kind = kind
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.owner}.{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        super().__set__(obj, value)
class User:
    name = Typed(str)
    age = Typed(int)
    note = Field()
    def __init__(self, name, age):
        self.name = name
        self.age = age
u = User("kim", 40)
print(u.name, u.age, u.note, User.name.name, User.age.private, User.note.owner, sorted(vars(u)))
try:
    u.age = "forty"
except TypeError as e:
    print("TypeError:", e)
order = []
class Tracker:
    def __set_name__(self, owner, name):
        order.append(name)
class Host:
    first = Tracker()
    second = Tracker()
    third = Tracker()
print(order)
class Base:
    def __init_subclass__(cls, /, prefix="", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.label = prefix + cls.__name__
class Leaf(Base, prefix="leaf:"):
    pass
class Deeper(Leaf):
    pass
print(Leaf.label, Deeper.label)
class Counted:
    subclass_count = 0
    def __init_subclass__(cls):
        Counted.subclass_count += 1
for i in range(4):
    type(f"Gen{i}", (Counted,), {})
print(Counted.subclass_count)
try:
    class Wrong(Counted, extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)

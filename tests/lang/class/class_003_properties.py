# property: getters, setters, deleters, validation, computed and cached attributes, read-only.
class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(hasattr(t, "_c"))
class Circle:
    def __init__(self, r):
        self._r = r
    radius = property(lambda self: self._r, doc="the radius")
    @property
    def area(self):
        return round(3.141592653589793 * self._r ** 2, 4)
c = Circle(2)
print(c.radius, c.area, Circle.radius.__doc__, type(Circle.radius).__name__)
try:
    c.radius = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.area = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.area
except AttributeError as e:
    print("AttributeError:", e)
class Lazy:
    def __init__(self):
        self.computations = 0
    @property
    def expensive(self):
        if "_cache" not in self.__dict__:
            self.computations += 1
            self._cache = sum(range(1000))
        return self._cache
lz = Lazy()
print(lz.expensive, lz.expensive, lz.computations)
class Person:
    def __init__(self, first, last):
        self.first, self.last = first, last
    @property
    def full(self):
        return f"{self.first} {self.last}"
    @full.setter
    def full(self, value):
        self.first, self.last = value.split(" ", 1)
p = Person("Ada", "Lovelace")
print(p.full)
p.full = "Grace Brewster Hopper"
print(p.first, "|", p.last, "|", p.full)
class Base:
    @property
    def value(self):
        return "base"
class Derived(Base):
    @property
    def value(self):
        return "derived+" + super().value
print(Derived().value, Base().value)
prop = Temperature.__dict__["fahrenheit"]
print(prop.fget is not None, prop.fset is not None, prop.fdel is None)
class Inventory:
    def __init__(self):
        self._items = {}
    @property
    def total(self):
        return sum(self._items.values())
    def add(self, name, qty):
        self._items[name] = self._items.get(name, 0) + qty
inv = Inventory()
for name, q in [("bolt", 10), ("nut", 5), ("bolt", 3)]:
    inv.add(name, q)
    print(name, q, "-> total", inv.total)

# classmethod and staticmethod: alternative constructors, registries, inheritance of classmethods.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = (int(p) for p in s.split("-"))
        return cls(y, m, d)
    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def days_in_month(self):
        days = [31, 29 if self.is_leap(self.y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return days[self.m - 1]
    def __repr__(self):
        return f"{type(self).__name__}({self.y:04d}-{self.m:02d}-{self.d:02d})"
class USDate(Date):
    def __str__(self):
        return f"{self.m}/{self.d}/{self.y}"
print(Date.from_string("2024-02-10"), USDate.from_string("2023-02-10"), Date.epoch(), USDate.epoch())
print(str(USDate.from_string("2023-07-04")), type(USDate.epoch()).__name__)
print([y for y in range(1896, 1912) if Date.is_leap(y)], Date.is_leap(2000), Date(2024, 1, 1).is_leap(1900))
print(Date.from_string("2024-02-01").days_in_month(), Date.from_string("2023-02-01").days_in_month())
class Plugin:
    registry = {}
    @classmethod
    def register(cls, name):
        def deco(sub):
            cls.registry[name] = sub
            sub.plugin_name = name
            return sub
        return deco
    @classmethod
    def create(cls, name, *args):
        return cls.registry[name](*args)
@Plugin.register("upper")
class Upper(Plugin):
    def run(self, s):
        return s.upper()
@Plugin.register("rev")
class Reverse(Plugin):
    def run(self, s):
        return s[::-1]
print(sorted(Plugin.registry), Plugin.create("upper").run("abc"), Plugin.create("rev").run("abc"), Upper.plugin_name)
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
    @classmethod
    def how_many(cls):
        return cls.instances
class SubCounter(Counter):
    instances = 0
Counter(); Counter(); SubCounter()
print(Counter.how_many(), SubCounter.how_many(), Counter().how_many())
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class Holder:
    size = sm
    name = cm
print(Holder.size("abcd"), Holder().size([1]), Holder.name(), Holder().name())
print(isinstance(Date.__dict__["from_string"], classmethod), isinstance(Date.__dict__["is_leap"], staticmethod))
print(Date.__dict__["is_leap"].__func__(1600), Date.from_string.__self__ is Date, Date.from_string.__func__.__name__)

# Dict behaviour with user-defined keys: __hash__/__eq__, mutation, equal-hash collisions.
class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return len(self.name)
    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return f"Key({self.name!r})"
d = {Key("ab"): 1, Key("cd"): 2, Key("xyz"): 3}
print(d[Key("ab")], d[Key("cd")], d[Key("xyz")], Key("ef") in d, len(d))
d[Key("ab")] = 10
print(d)
class Always1:
    def __hash__(self):
        return 1
a1, a2 = Always1(), Always1()
dd = {a1: "first", a2: "second"}
print(len(dd), dd[a1], dd[a2])
class NoHash:
    __hash__ = None
try:
    {NoHash(): 1}
except TypeError as e:
    print("TypeError:", e)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
print(Point.__hash__ is None)
try:
    hash(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
class Default(dict):
    def __missing__(self, key):
        value = self[key] = len(key)
        return value
dm = Default()
print(dm["hello"], dm["hi"], dm, dm.get("zzz"), "zzz" in dm)
class Lower(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
lw = Lower()
lw["Name"] = "x"
lw["AGE"] = 3
print(lw, lw["NAME"], lw["age"], isinstance(lw, dict))
print({1: "a"} == {1.0: "a"}, {0: "z"}.get(False), {(1, 2): 3}.get((1.0, 2.0)))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), big[999], list(big)[:5], sum(big) % 1000)
for i in range(0, 1000, 2):
    big[i] = -i
print(len(big), list(big)[:3], list(big)[-3:])
try:
    for k in big:
        big[k + 10000] = 0
except RuntimeError as e:
    print("RuntimeError:", e)

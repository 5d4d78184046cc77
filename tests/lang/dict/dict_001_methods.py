# dict methods and insertion order.
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4), "one" in d, 1 in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("two"), d, d.pop("missing", "default"))
print(d.setdefault("one", 100), d.setdefault("new", []), d)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
print(d.popitem(), d)
c = d.copy()
c["one"] = "changed"
print(d["one"], c["one"])
d["one"] = 1.5
print(list(d.items())[0])
del d["one"]
d["one"] = "back"
print(list(d))
print(dict.fromkeys("abc"), dict.fromkeys(range(3), 0), dict(a=1) | {"b": 2}, {"a": 1} | {"a": 9})
m = {"x": 1}
m |= {"y": 2}
print(m)
d.clear()
print(d, len(d), bool(d))
try:
    {}["nope"]
except KeyError as e:
    print("KeyError:", e, repr(e.args[0]))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
keys = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", frozenset([1]): "fs"}
print(keys)
print(keys[1], keys[1.0], keys[(1, 2)], keys[None], keys[frozenset({1})])
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
v = {"a": 1, "b": 2}
ks = v.keys()
v["c"] = 3
print(ks, len(ks), "c" in ks, ks & {"a", "z"}, sorted(ks | {"q"}), v.values(), v.items())
print(list(reversed(v)), list(reversed(v.items())))
print({k: v for k, v in sorted({"b": 2, "a": 1}.items())})
print(dict(zip(range(3), "abc")), dict({"a": 1}, b=2), dict([["k", "v"]]))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 1.0})

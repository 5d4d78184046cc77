# Unpacking in calls and displays: *iterables, **mappings, merging, keyword conflicts, print(*...).
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], *(3,), *"ab"))
print(f(**{"x": 1}, **{"y": 2}, z=3))
print(f(*range(3), **dict.fromkeys("ab", 0)))
print(f(*{3: "a", 1: "b"}))
print(f(*(i * i for i in range(4))))
try:
    f(**{"x": 1}, x=2)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: "non-string key"})
except TypeError as e:
    print("TypeError:", e)
try:
    f(*5)
except TypeError as e:
    print("TypeError:", e)
try:
    f(**[1])
except TypeError as e:
    print("TypeError:", e)
print([*range(3), *"xy", *[None]], (*"ab",), {*range(3), *range(2, 5)}, {**{"a": 1}, **{"a": 2, "b": 3}})
print([*[], *()], {**{}}, (*(),))
def point(x, y, z=0):
    return f"({x}, {y}, {z})"
coords = [(1, 2), (3, 4, 5)]
print([point(*c) for c in coords])
params = [{"x": 1, "y": 2}, {"y": 0, "x": 9, "z": -1}]
print([point(**p) for p in params])
print(point(*[1], **{"y": 2}), point(1, *[2, 3]))
first, *rest = [*"hello"]
print(first, rest)
merged = {**{"a": 1, "b": 2}, "b": 20, **{"c": 3}}
print(merged)
defaults = {"color": "red", "size": "M"}
def make(**opts):
    return {**defaults, **opts}
print(make(), make(size="L"), make(color="blue", extra=True))
print(*[1, 2, 3])
print(*"abc", sep="-")
print(max(*[3, 8, 1]), min(*"zyx"), list(zip(*[(1, "a"), (2, "b")])))
nested = [[1, 2], [3], []]
print([*nested[0], *nested[1], *nested[2]], sum(nested, []))
args = (1, 2)
kwargs = {"sep": "+"}
print(*args, **kwargs)
def kw_only(*, a, b):
    return a - b
print(kw_only(**{"b": 1, "a": 10}))

# dict views, iteration patterns, merging and unpacking.
config = {"host": "localhost", "port": 8080, "debug": False}
overrides = {"port": 9090, "verbose": True}
merged = {**config, **overrides}
print(merged)
print({**config, "port": 1}, dict(config, port=2), config | overrides, overrides | config)
for key, value in merged.items():
    print(f"{key:>8} = {value!r}")
keys = merged.keys()
vals = merged.values()
items = merged.items()
merged["new"] = 0
print(len(keys), len(vals), len(items), list(vals)[-1])
print(keys - {"host"} == {"port", "debug", "verbose", "new"}, ("port", 9090) in items, 9090 in vals)
print(sorted(keys & overrides.keys()), sorted(keys ^ {"host", "zzz"}))
print(isinstance(keys, type({}.keys())), type(keys).__name__, type(vals).__name__, type(items).__name__)
def describe(**kwargs):
    return ", ".join(f"{k}={v}" for k, v in kwargs.items())
print(describe(**config), describe(a=1, **{"b": 2}))
pairs = list(zip("abcde", range(5)))
d = dict(pairs)
print(d, {v: k for k, v in d.items()}, dict(sorted(d.items(), key=lambda kv: -kv[1])))
print(list(enumerate(d)), [k * v for k, v in d.items()])
it = iter(d)
print(next(it), next(it), list(it))
print(min(d), max(d), min(d.values()), sorted(d, key=d.get, reverse=True))
table = {}
for i in range(5):
    for j in range(5):
        table[i, j] = i * j
print(table[3, 4], table[(2, 2)], len(table), [k for k, v in table.items() if v == 4])
print(dict.fromkeys(["x", "y"], []), {k: [] for k in "xy"})
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
snapshot = list(config.items())
config.clear()
print(snapshot, config)

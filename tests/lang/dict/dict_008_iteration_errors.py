# Mutation during iteration, iterator state, __missing__, subclasses.
d = {1: 1, 2: 2}
try:
    for k in d:
        d[k + 10] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2, 3: 3}
for k in d:
    d[k] = k * 100
print(d)
d = {1: 1, 2: 2}
it = iter(d)
next(it)
d.pop(1)
d[3] = 3
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
d = {'a': 1, 'b': 2, 'c': 3}
it = iter(d.items())
print(it.__length_hint__(), next(it), it.__length_hint__())
print(list(it), list(it))
ri = reversed(d.keys())
print(next(ri), list(ri))
try:
    for k in d.values():
        d.clear()
except RuntimeError as e:
    print("RuntimeError:", e)
class Default(dict):
    def __missing__(self, key):
        self[key] = v = len(key)
        return v
dd = Default()
print(dd['abc'], dd, dd.get('zz'), 'zz' in dd)
class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()))
class NoMissing(dict):
    pass
try:
    NoMissing()['x']
except KeyError as e:
    print("KeyError:", e)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u['a'] = 1
u.update(b=2)
print(u, type(u).__name__, isinstance(u, dict), u == {'A': 1, 'b': 2}, type(u.copy()).__name__)
class Ordered(dict):
    def __repr__(self):
        return 'Ordered(' + dict.__repr__(self) + ')'
o = Ordered(z=1, a=2)
print(o, o | {'q': 0}, type(o | {}).__name__, dict(o))
print(dict.fromkeys.__name__, type(Ordered.fromkeys('ab')).__name__, Ordered.fromkeys('ab', 0))
class KeysOnly:
    def keys(self):
        return iter(['p', 'q'])
    def __getitem__(self, k):
        return k * 2
print(dict(KeysOnly()), {**{'a': 1}, **{'b': 2}})

# collections.defaultdict: default_factory, __missing__, repr, copy, |.
from collections import defaultdict

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e.args[0]) if isinstance(e, KeyError) else e)

d = defaultdict(list)
d['a'].append(1); d['a'].append(2); d['b']
print(d, len(d), d.default_factory, isinstance(d, dict))
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()), c.get('z'), 'z' in c, c['z'], 'z' in c)
n = defaultdict()
print(n, n.default_factory)
err(lambda: n['x'])
err(lambda: defaultdict(3))
err(lambda: defaultdict(None, 3))
print(defaultdict(None, {1: 2}), defaultdict(int, a=1), defaultdict(str, [(1, 'x')], y=2))
print(d.__missing__('q'), d)
dd = defaultdict(lambda: 'dflt')
print(dd['k'], dict(dd))
dd.default_factory = None
err(lambda: dd['other'])
cp = c.copy()
print(type(cp).__name__, cp.default_factory, cp == c, cp is c)
import copy
print(copy.copy(d), copy.deepcopy(d))
print(defaultdict(int, {1: 2}) | {3: 4}, {0: 0} | defaultdict(int, {1: 2}))
x = defaultdict(set); x |= {5: {1}}; print(x)
err(lambda: hash(defaultdict()))
print(defaultdict(int) == {}, defaultdict(int, a=1) == {'a': 1})
class Sub(defaultdict):
    def __missing__(self, key):
        return key * 2
s = Sub(int)
print(s[4], s, len(s))
class Sub2(defaultdict):
    pass
s2 = Sub2(list)
s2[1].append('x')
print(s2, type(s2.copy()).__name__)
r = defaultdict(list)
r['self'] = r
print(r)
print(defaultdict.__name__, defaultdict.__module__, defaultdict)
print(defaultdict.__mro__)
nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 3
print(nested['a']['b'], dict(nested['a']))

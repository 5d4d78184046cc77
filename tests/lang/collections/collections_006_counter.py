# collections.Counter: counting, most_common, arithmetic, comparisons.
from collections import Counter

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

c = Counter('abracadabra')
print(c, c['a'], c['zz'], len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
print(Counter(), Counter({'x': 3, 'y': 1}), Counter(cats=4, dogs=8), Counter(['a', 'b', 'a']))
c.update('aab'); print(c)
c.update({'a': -7, 'q': 2}); print(c)
c.subtract('rrr'); print(c)
c.subtract({'q': 5}); print(c)
c.update(z=3); c.subtract(z=1); print(c['z'])
del c['nonexistent']
del c['z']; print('z' in c)
a = Counter(a=3, b=1, c=-2)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b, +a, -a)
x = Counter(a=3, b=1); x += Counter(a=-3, c=2); print(x)
x = Counter(a=3, b=1); x -= Counter(b=5); print(x)
x = Counter(a=3, b=1); x |= Counter(b=5, z=-1); print(x)
x = Counter(a=3, b=1); x &= Counter(a=1); print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {'a': 1}, Counter(a=1) != Counter(a=2))
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=3) >= Counter(a=2, b=0), Counter(a=2) > Counter(a=2))
err(lambda: Counter.fromkeys('abc'))
err(lambda: Counter(1))
err(lambda: hash(Counter()))
err(lambda: Counter('a') + 1)
d = c.copy(); print(type(d).__name__, d == c)
print(Counter('aab') == Counter('aba'), repr(Counter({'b': 1, 'a': 1})))
class MyCounter(Counter):
    pass
print(MyCounter('xyx'), MyCounter())
print(Counter({1: 'x', 2: 'y'}))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
print(Counter(words).most_common(3))
print(sum(Counter('hello').values()), dict(Counter('hi')))
class Logged(Counter):
    def __setitem__(self, key, value):
        super().__setitem__(key, value * 10)
print(Logged('aab'))
class Getter(Counter):
    def get(self, key, default=None):
        return super().get(key, default) + 100
print(Getter('ab'))
class Hashy:
    def __hash__(self): raise TypeError('no hash here')
try:
    Counter([Hashy()])
except TypeError as e:
    print('TypeError', e)
print(Counter(x % 3 for x in range(10)), Counter(iter('zzy')), Counter({'big': 2**70}) + Counter(big=1))

# collections.abc: structural checks, registered builtins and mixin methods.
import collections.abc as cabc
from collections import deque, OrderedDict, Counter, defaultdict

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

checks = [
    ([], ['Iterable', 'Sized', 'Container', 'Collection', 'Sequence', 'MutableSequence', 'Reversible', 'Hashable', 'Mapping']),
    ({}, ['Mapping', 'MutableMapping', 'Hashable', 'Sequence', 'Collection']),
    ((1,), ['Sequence', 'MutableSequence', 'Hashable']),
    ('s', ['Sequence', 'Hashable', 'ByteString']),
    (b'b', ['ByteString', 'Sequence', 'Hashable']),
    (bytearray(), ['ByteString', 'MutableSequence']),
    (set(), ['Set', 'MutableSet', 'Hashable']),
    (frozenset(), ['Set', 'MutableSet', 'Hashable']),
    (range(3), ['Sequence', 'Reversible']),
    (iter([]), ['Iterator', 'Iterable', 'Generator']),
    ((x for x in []), ['Generator', 'Iterator']),
    (len, ['Callable', 'Hashable']),
    (3, ['Hashable', 'Iterable', 'Callable']),
    (deque(), ['MutableSequence', 'Sequence', 'Hashable']),
    (OrderedDict(), ['MutableMapping']),
    (Counter(), ['MutableMapping']),
    (defaultdict(), ['MutableMapping']),
    ({}.keys(), ['KeysView', 'Set', 'MappingView']),
    ({}.items(), ['ItemsView', 'Set']),
    ({}.values(), ['ValuesView', 'Set', 'Collection']),
    (None, ['Hashable', 'Callable']),
]
for obj, names in checks:
    print(type(obj).__name__, [(n, isinstance(obj, getattr(cabc, n))) for n in names])

class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), cabc.Iterator), issubclass(It, cabc.Iterable), issubclass(It, cabc.Sized))
class NoHash:
    __hash__ = None
print(isinstance(NoHash(), cabc.Hashable), issubclass(int, cabc.Hashable))
class Sz:
    def __len__(self): return 0
print(issubclass(Sz, cabc.Sized), issubclass(Sz, cabc.Collection))
class MySeq(cabc.Sequence):
    def __init__(self, *items): self.items = items
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
s = MySeq(1, 2, 3, 2)
print(list(s), 2 in s, 9 in s, s.index(2), s.count(2), list(reversed(s)), len(s))
err(lambda: s.index(9))
class MyMut(cabc.MutableSequence):
    def __init__(self): self.data = []
    def __getitem__(self, i): return self.data[i]
    def __setitem__(self, i, v): self.data[i] = v
    def __delitem__(self, i): del self.data[i]
    def __len__(self): return len(self.data)
    def insert(self, i, v): self.data.insert(i, v)
m = MyMut()
m.append(1); m.extend([2, 3]); m += [4]; m.reverse(); print(m.data, m.pop(), m.pop(0), m.data)
m.remove(2); print(m.data); m.clear(); print(m.data)
class MyMap(cabc.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
mm = MyMap()
mm.update({'a': 1}, b=2); mm.setdefault('c', 3)
print(sorted(mm.items()), sorted(mm.keys()), sorted(mm.values()), mm.get('a'), mm.get('z'), 'b' in mm)
print(mm.pop('a'), mm.pop('zz', None), mm.popitem(), mm == {'c': 3}, len(mm))
print(isinstance(mm.keys(), cabc.KeysView), mm.keys() & {'c', 'q'}, mm.keys() | {'x'} == {'c', 'x'})
mm.clear(); print(len(mm))
err(lambda: mm.popitem())
class MySet(cabc.Set):
    def __init__(self, it=()): self.s = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
a, b = MySet([1, 2, 3]), MySet([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= b, MySet([2]) < a, a == MySet([3, 2, 1]), a.isdisjoint([7]))
class Bad(cabc.Sized):
    pass
try:
    Bad()
except TypeError as e:
    print(str(e).replace("'", ""))
print(sorted(cabc.Sequence.__abstractmethods__), sorted(cabc.MutableMapping.__abstractmethods__))
print(cabc.Mapping, cabc.Iterable.__module__)
class Reg:
    pass
cabc.Sequence.register(Reg)
print(issubclass(Reg, cabc.Sequence), issubclass(Reg, cabc.Iterable), isinstance(Reg(), cabc.Reversible))

# collections.OrderedDict: order operations, equality, repr, views.
from collections import OrderedDict

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e.args[0]) if isinstance(e, KeyError) else e)

od = OrderedDict()
od['b'] = 2; od['a'] = 1; od['c'] = 3
print(od, list(od), len(od), od['a'], isinstance(od, dict))
od.move_to_end('b'); print(od)
od.move_to_end('b', last=False); print(od)
od.move_to_end('c', False); print(od)
err(lambda: od.move_to_end('zz'))
print(od.popitem(), od)
print(od.popitem(last=False), od)
err(lambda: OrderedDict().popitem())
o2 = OrderedDict([('x', 1), ('y', 2)])
print(o2.keys(), o2.values(), o2.items(), list(reversed(o2)), list(reversed(o2.items())))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == OrderedDict(a=1, b=2))
print(OrderedDict(a=1, b=2) == {'b': 2, 'a': 1}, {'b': 2, 'a': 1} == OrderedDict(a=1, b=2))
print(OrderedDict(a=1, b=2) != OrderedDict(b=2, a=1))
print(OrderedDict(), repr(OrderedDict([(1, [2])])), OrderedDict.fromkeys('abc', 0))
c = o2.copy(); c['z'] = 0; print(o2, c, type(c).__name__)
print(o2.pop('x'), o2.pop('nope', 'dflt'), o2)
err(lambda: o2.pop('nope'))
print(o2.setdefault('y', 5), o2.setdefault('w', 6), o2)
o2.update([('k', 1)], m=2); print(o2)
print(OrderedDict(a=1) | {'b': 2}, {'b': 2} | OrderedDict(a=1))
o3 = OrderedDict(a=1); o3 |= {'c': 3}; print(o3)
r = OrderedDict(); r['me'] = r; print(r)
del o3['a']; print(o3, 'a' in o3)
print(OrderedDict.__hash__)
o4 = OrderedDict.fromkeys('xyz')
for k in list(o4):
    o4.move_to_end(k, last=False)
print(o4)
class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap
    def get(self, key):
        if key not in self:
            return -1
        self.move_to_end(key)
        return self[key]
    def put(self, key, value):
        self[key] = value
        self.move_to_end(key)
        if len(self) > self.cap:
            self.popitem(last=False)
lru = LRU(2)
lru.put(1, 1); lru.put(2, 2); print(lru.get(1)); lru.put(3, 3)
print(lru.get(2), lru.get(3), lru)

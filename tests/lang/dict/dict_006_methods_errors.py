# dict methods, argument errors and KeyError details.
def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e.args[0]) if isinstance(e, KeyError) else e)

d = {'a': 1, 'b': 2}
err(lambda: d['zz'])
err(lambda: d[(1, 2)])
err(lambda: {}.pop(1))
err(lambda: {}.pop([], 'dflt'))
err(lambda: {1: 2}.pop([]))
err(lambda: {}.popitem())
err(lambda: d.get())
err(lambda: d.get(1, 2, 3))
err(lambda: d.get(k=1))
err(lambda: d.keys(1))
err(lambda: d.update(1, 2))
err(lambda: d.update(1))
err(lambda: dict.fromkeys())
err(lambda: d.setdefault())
err(lambda: d.popitem(1))
err(lambda: dict(1, 2))
err(lambda: dict([1]))
err(lambda: dict([(1, 2, 3)]))
err(lambda: dict([[1]]))
err(lambda: dict(['ab', 'cde']))
err(lambda: dict(1))
err(lambda: {[]: 1})
err(lambda: d[[1]])
err(lambda: hash({}))
err(lambda: {} < {})
err(lambda: d | [1])
err(lambda: d.__or__([('x', 1)]))
err(lambda: {}.fromkeys(1))
print(dict.__hash__)
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 99), d)
print(d.pop('c'), d.pop('c', 'gone'), d)
d['x'] = 10
print(d.popitem(), d.popitem(), d)
d.update({'b': 20}, c=30)
d.update([('e', 5)])
d.update((('f', 6),), g=7)
d.update(a=100)
print(d)
class M:
    def keys(self): return ['k1', 'k2']
    def __getitem__(self, k): return k.upper()
d.update(M())
print(d)
print(dict(M()), dict(M(), k1='own'), dict({'a': 1}, b=2), dict(zip('ab', range(2))), dict(a=1), dict([('a', 1)], a=2))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys({3: 4}), dict.fromkeys({5}, 'v'))
c = d.copy()
c['new'] = 1
print('new' in d, 'new' in c, len(c) - len(d))
c.clear()
print(c, len(c), bool(c))
e = {}
del_ok = e.setdefault('k', [])
del_ok.append(1)
print(e)
try:
    del e['missing']
except KeyError as ex:
    print("KeyError:", ex)
del e['k']
print(e)
print({1: 'a'} == {1: 'a'}, {1: 'a'} == {1: 'b'}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} != {1: 1}, {1: 1} == {1.0: 1}, {1: 1} == [1])
print({'a': 1} | {'b': 2}, {'a': 1} | {'a': 3})
f = {'a': 1}
f |= {'b': 2}
f |= [('c', 3)]
print(f)
g = {True: 'x', 1: 'y', 1.0: 'z'}
print(g)
nan = float('nan')
print({nan: 1}[nan] if True else None)

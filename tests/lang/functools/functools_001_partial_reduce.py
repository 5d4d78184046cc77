import functools
from functools import partial, reduce
import operator

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [], 10), reduce(lambda a, b: a * b, range(1, 6), 1))
print(reduce(lambda acc, s: acc + s.upper(), 'abc', '>'), reduce(max, [3, 9, 2]), reduce(operator.add, [[1], [2]]))
t(reduce, operator.add, [])
t(reduce, operator.add)
t(reduce, operator.add, 5)
t(reduce, operator.add, [1, 'a'])
t(reduce, operator.add, [], initial=1)

def f(a, b, c=0, *, d=1): return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 3, d=7), p.func is f, p.args, p.keywords)
print(repr(p).replace(hex(id(f)), 'X').split(' at ')[0])
p2 = partial(p, 2, c=9); print(p2.func is f, p2.args, p2.keywords, p2())
t(partial)
t(partial, 1)
t(setattr, p, 'func', 1)
t(setattr, p, 'args', ())
p.attr = 5; print(p.attr, p.__dict__)
p3 = partial(p, 3); print(p3.func is p, p3())
print(repr(partial(max, 1, key=abs)))
print(repr(partial(partial(print, sep='-'), 1, end='!')))
print(type(p).__name__ in ('partial', 'functools.partial'), isinstance(p, partial))
t(partial(f), 1)
t(partial(f, 1, 2, 3, 4))
kw = partial(dict, a=1)
print(kw(b=2), kw(a=3), kw([('z', 0)]))
p.keywords['d'] = 99; print(p(0))
p4 = partial(lambda *a, **k: (a, k), 1, x=1)
print(p4(2, y=2), p4(x=3))
print(list(map(partial(operator.mul, 3), range(4))), sorted(['b', 'A', 'c'], key=partial(str.lower)))
class C:
    m = partial(lambda *a: a, 'bound?')
print(C().m(1))
r = partial(print)
r.__dict__['recursive'] = r
print(repr(partial(str, 1)), partial(int, base=2)('101'))
rp = partial(print)
rp2 = partial(rp, rp)
print(repr(rp2).startswith('functools.partial(<built-in function print>, functools.partial('))

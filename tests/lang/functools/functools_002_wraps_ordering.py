import functools
from functools import wraps, update_wrapper, total_ordering, cmp_to_key, WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        "inner doc"
        return fn(*a, **k)
    return inner

@deco
def g(x: int) -> int:
    "g doc"
    return x + 1
print(g.__name__, g.__qualname__, g.__doc__, g.__annotations__, g.__wrapped__.__name__, g(1), g.__module__)
print(WRAPPER_ASSIGNMENTS, WRAPPER_UPDATES)
def src(): pass
src.custom = [1]
def dst(): pass
update_wrapper(dst, src)
print(dst.__name__, dst.custom is src.custom, dst.__wrapped__ is src)
def dst2(): pass
update_wrapper(dst2, src, assigned=('__doc__',), updated=())
print(dst2.__name__, hasattr(dst2, 'custom'))
class Obj: pass
o = Obj()
update_wrapper(o, len)
print(o.__name__, o.__wrapped__ is len, o.__doc__ == len.__doc__)
print(wraps(len)(lambda: 0).__name__)

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) < V(2), V(1) > V(2), V(1) <= V(1), V(2) >= V(1), V.__gt__.__name__)
for root in ['__le__', '__gt__', '__ge__']:
    ns = {'__init__': lambda self, v: setattr(self, 'v', v), '__eq__': lambda s, o: s.v == o.v,
          root: eval('lambda s, o: s.v %s o.v' % {'__le__': '<=', '__gt__': '>', '__ge__': '>='}[root])}
    K = total_ordering(type('K', (), ns))
    print(root, [(op, getattr(K(a), op)(K(b))) for op in ('__lt__', '__le__', '__gt__', '__ge__') for a, b in ((1, 2), (2, 2), (3, 2))])
try:
    @total_ordering
    class Z: pass
except ValueError as e: print(e)
@total_ordering
class N:
    def __lt__(self, o): return NotImplemented
print(N.__gt__(N(), N()), N.__le__(N(), N()))

print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
k = cmp_to_key(lambda a, b: a - b)
print(k(1) < k(2), k(2) == k(2), k(1) != k(1), k(3) >= k(2), k(1) > k(2), k(1) <= k(0), k(1).obj)
t(hash, k(1))
t(lambda: k(1) < 1)
t(k)
print(sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: (len(a) > len(b)) - (len(a) < len(b))), reverse=True))
print(max([(1, 'x'), (0, 'y')], key=cmp_to_key(lambda a, b: a[0] - b[0])))
kw = cmp_to_key(mycmp=lambda a, b: 0)
print(kw(1) == kw(2))

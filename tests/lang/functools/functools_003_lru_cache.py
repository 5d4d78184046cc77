from functools import lru_cache, cache, cached_property, partialmethod

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

@lru_cache(maxsize=2)
def sq(x):
    print('compute', x); return x * x
print(sq(2), sq(2), sq(3), sq(4), sq(2), sq.cache_info())
print(sq(4), sq(3), sq(2), sq.cache_info())
sq.cache_clear(); print(sq.cache_info(), sq.cache_parameters())
@lru_cache
def fib(n): return n if n < 2 else fib(n-1) + fib(n-2)
print(fib(80), fib.cache_info())
@cache
def fact(n): return 1 if n < 2 else n * fact(n-1)
print(fact(30), fact.cache_info(), fact.__name__, fact.__wrapped__.__name__, fact.cache_parameters())
@lru_cache(typed=True)
def ty(x): return type(x).__name__
print(ty(1), ty(1.0), ty(True), ty.cache_info())
@lru_cache(maxsize=None)
def kw(a, b=2): return a + b
print(kw(1), kw(1, b=2), kw(a=1, b=2), kw(b=2, a=1), kw.cache_info())
t(lru_cache, 'x')
t(kw, [1])
@lru_cache(maxsize=0)
def z(x): return x
print(z(1), z(1), z.cache_info())
@lru_cache(maxsize=-5)
def neg(x): return x
print(neg(1), neg(1), neg.cache_info())
@lru_cache(3)
def small(n): return n if n < 2 else small(n - 1) + small(n - 2)
print(small(30), small.cache_info())
calls = []
@lru_cache(maxsize=2)
def track(x):
    calls.append(x); return x
for x in [1, 2, 1, 3, 2, 1, 1, 4]: track(x)
print(calls, track.cache_info())
@lru_cache
def err(x):
    raise ValueError(x)
t(err, 1); print(err.cache_info())
c = lru_cache(maxsize=10)(len)
print(c('abc'), c('abc'), c.cache_info(), c.__wrapped__ is len, c.__name__)
print(1 in {ty: 1}.values())

class C:
    @lru_cache
    def m(self, x): return x * 2
    @cached_property
    def cp(self):
        print('computing cp'); return 42
    @partialmethod
    def pm(self, a, b): return (a, b)
    pm2 = partialmethod(lambda self, a, b: (a, b), 1)
    @classmethod
    def cm(cls, a, b): return (cls.__name__, a, b)
    pcm = partialmethod(cm, 'x')
c = C()
print(c.m(3), c.m(3), C.m.cache_info(), C.m(c, 3))
print(c.cp, c.cp, c.__dict__)
del c.cp; print(c.cp)
print(c.pm2(5), c.pcm(2), C.pcm(3))
print(repr(C.__dict__['pm2']).split(' at ')[0])
print(C.cp.attrname, C.cp.__doc__)
class D:
    __slots__ = ('a',)
    @cached_property
    def p(self): return 1
t(lambda: D().p)
class E:
    x = cached_property(lambda self: 1)
t(E.x.__set_name__, E, 'y')
E.x.__set_name__(E, 'x'); print(E().x)
cp = cached_property(lambda self: 1)
class F: pass
F.late = cp
t(lambda: F().late)
t(partialmethod, 1)

# The eviction order against a reference LRU list.
seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n
for maxsize in [1, 2, 3, 5, 17, 100]:
    @lru_cache(maxsize=maxsize)
    def f(x): return x * 2
    order = []
    hits = misses = 0
    for i in range(3000):
        x = rnd(maxsize * 3)
        f(x)
        if x in order:
            hits += 1; order.remove(x); order.append(x)
        else:
            misses += 1; order.append(x)
            if len(order) > maxsize: order.pop(0)
    ci = f.cache_info()
    print(maxsize, ci, (hits, misses) == (ci.hits, ci.misses))

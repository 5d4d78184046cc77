# weakref and gc: argument errors, reuse of the basic reference and proxy,
# subclasses of ref, proxies' operators.
import gc
import weakref


def err(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__ + ':', e)


class Obj:
    pass


o = Obj()
err(lambda: weakref.ref())
err(lambda: weakref.ref(o, None, 3))
err(lambda: weakref.ref(o, callback=None))
err(lambda: weakref.proxy())
err(lambda: weakref.proxy(o, callback=None))
err(lambda: weakref.getweakrefcount())
err(lambda: weakref.ref(o)(1))
err(lambda: weakref.ref(o)(x=1))
err(lambda: hash(weakref.proxy(o)))
err(lambda: weakref.ref(object()))
err(lambda: weakref.ref(None))
err(lambda: weakref.ref(weakref.ref(o)))
for v in (1, 1.5, 'x', b'x', (1,), [1], {1: 2}, range(3), bytearray(b'a')):
    err(lambda: weakref.ref(v))


class I(int):
    pass


class S(str):
    pass


class T(tuple):
    pass


class NoWeak:
    __slots__ = ('a',)


class Sub(NoWeak):
    pass


for v in (I(1), S('s'), T(), NoWeak(), Sub()):
    err(lambda: weakref.ref(v) is not None)
for v in (len, Obj, err, {1}, frozenset(), gc, (x for x in ())):
    err(lambda: weakref.ref(v)() is v)
err(lambda: gc.collect(3))
err(lambda: gc.collect(-1))
err(lambda: gc.collect('x'))

# ref(o) without a callback is reused; with one it is new.
r = weakref.ref(o)
print(weakref.ref(o) is r, weakref.ref(o, None) is r, weakref.ref(o, print) is r)
p = weakref.proxy(o)
print(weakref.proxy(o) is p, weakref.proxy(o, print) is p)
for _ in range(20):  # until the references made above without a name are collected
    gc.collect()
    if weakref.getweakrefcount(o) == 2:
        break
    [str(i) for i in range(40)], {}.get(1, 2), [].append(3)
print(weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r, p])


class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag

    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)


mr = MyRef(o, None, 'tagged')
print(mr() is o, mr.tag, mr is r, type(mr).__name__, isinstance(mr, weakref.ref), mr == r)
print(type(r).__name__, type(r).__module__, type(p).__name__, type(weakref.proxy(len)).__name__)


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    __radd__ = __add__

    def __lt__(self, other):
        return self.v < other.v

    def __len__(self):
        return self.v

    def __iter__(self):
        return iter(range(self.v))

    def __call__(self, x):
        return x * self.v

    def __index__(self):
        return self.v

    def __neg__(self):
        return -self.v


n = Num(3)
pn = weakref.proxy(n)
print((pn + 1).v, (1 + pn).v, (pn + pn).v, len(pn), list(pn), pn(5), [0, 1, 2, 3][pn], -pn, pn < Num(4))
print(callable(pn), type(pn).__name__, pn.v)
pn.v = 4
print(n.v, hasattr(pn, 'missing'))
del pn.v
print(hasattr(n, 'v'))
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.garbage)
err(lambda: weakref.ref.__new__(weakref.ProxyType, o))
err(lambda: weakref.ref.__new__(int, o))
err(lambda: weakref.ref.__new__(1, o))
err(lambda: weakref.ref.__new__())
err(lambda: type(weakref.ref.__new__(MyRef, o)).__name__)
err(lambda: weakref.getweakrefs(5))
err(lambda: weakref.getweakrefcount('str'))
err(lambda: weakref.ref.__call__(p))
err(lambda: weakref.ref.__call__(r) is o)
err(lambda: weakref.ref.__hash__(r) == hash(o))
err(lambda: weakref.ref.__eq__(r, mr))
err(lambda: weakref.ref.__lt__(r, mr))
err(lambda: [k for k in ('__call__', '__hash__', '__eq__', '__repr__', '__init__', '__new__', '__callback__')
             if k not in weakref.ref.__dict__])
err(lambda: weakref.ProxyType.__add__(weakref.proxy(n), 1).v)
err(lambda: type(weakref.ref.__dict__['__call__']).__name__)

# weakref: references are cleared, and their callbacks run, by a collection
# once the referent is unreachable (gc.collect() runs one).
import gc
import weakref


class Scratch:
    pass


scratch = Scratch()


def churn():
    # The kinds of operations this test makes, on a live object: they reuse
    # the native stack slots where a dead object's address may still sit
    # (see collect_until()).
    a1, a2 = scratch, scratch
    a1, a2, a3 = scratch, scratch, scratch
    weakref.ref(scratch), weakref.ref(scratch, print), weakref.proxy(scratch), Scratch()
    '{}{}{}{}{}{}{}'.format(scratch, scratch, scratch, scratch, scratch, scratch, scratch)
    junk = [str(i) + 'x' for i in range(40)]
    ''.join(junk), sorted(junk), {}.get(1, 2), [].append(3), len(junk), repr(junk[:3])
    d = weakref.WeakValueDictionary()
    k = weakref.WeakKeyDictionary()
    s = weakref.WeakSet()
    for i in range(3):
        d[i] = scratch
        k[scratch] = i
        s.add(scratch)
        d[i], k[scratch], len(d), len(k), len(s), list(d.items()), list(k.items()), list(s)


def collect_until(done):
    """gc.collect() until done() is true. capy's collector scans the native
    stack conservatively: a stale machine word may keep an object through a
    collection (docs/modules/weakref.md)."""
    for _ in range(20):
        gc.collect()
        if done():
            return
        churn()


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return 'Obj(%r)' % self.name


log = []


def make(name):
    return Obj(name)


# A plain reference, and one with a callback (called with the reference).
a = make('a')
r = weakref.ref(a)
rc = weakref.ref(a, lambda w: log.append(('cb', w is rc, w())))
print(r() is a, weakref.getweakrefcount(a))
del a
collect_until(lambda: r() is None)
print(r(), rc(), log, repr(r).endswith('; dead>'), rc.__callback__)

# Several callbacks on one referent run newest first (CPython's order);
# a reference that died before its referent never calls back.
log.clear()
b = make('b')
r1 = weakref.ref(b, lambda w: log.append('first'))
r2 = weakref.ref(b, lambda w: log.append('second'))
r3 = weakref.ref(b, lambda w: log.append('third'))


class Ref(weakref.ref):  # unlike ref, its instances can be referenced weakly
    pass


dropped = Ref(b, lambda w: log.append('dropped'))
dropped_ref = weakref.ref(dropped)
del dropped
collect_until(lambda: dropped_ref() is None)
del b
collect_until(lambda: r1() is None)
print(log, r1(), r2(), r3())

# Objects reachable only through weak references are freed; so are cycles.
c1, c2 = make('c1'), make('c2')
c1.other, c2.other = c2, c1
w1, w2 = weakref.ref(c1), weakref.ref(c2)
del c1, c2
collect_until(lambda: w1() is None and w2() is None)
print(w1(), w2())

# A callback that holds its referent keeps it alive (the reference is alive).
keep = make('keep')
holder = weakref.ref(keep, lambda w, k=keep: None)
del keep
gc.collect()
print(holder())

# A live object keeps its references; hashing and equality of dead ones.
live = make('live')
rl = weakref.ref(live)
d1 = make('d1')
rh = weakref.ref(d1)
hash_before = hash(rh) == hash(d1)
rd = weakref.ref(d1, lambda w: None)
del d1
collect_until(lambda: rh() is None)
print(rl() is live, hash_before, hash(rh) == hash(rh), rh == rd, rh == rh, rh != rd)
try:
    hash(rd)
except TypeError as e:
    print('TypeError:', e)
print(weakref.getweakrefcount(live), weakref.getweakrefs(live) == [rl])

# Proxies to a dead object raise ReferenceError.
pobj = make('p')
p = weakref.proxy(pobj)
print(p.name)
pref = weakref.ref(pobj)
del pobj
collect_until(lambda: pref() is None)
for f in (lambda: p.name, lambda: str(p), lambda: p == 1, lambda: bool(p), lambda: p + 1):
    try:
        f()
    except ReferenceError as e:
        print('ReferenceError:', e)

# A callback that raises is reported (on stderr) and the program goes on.
e1 = make('e1')
re1 = weakref.ref(e1, lambda w: 1 / 0)
del e1
collect_until(lambda: re1() is None)
print('after failing callback', re1())
print(gc.isenabled())

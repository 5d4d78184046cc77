# weakref: WeakValueDictionary, WeakKeyDictionary and WeakSet lose their
# entries once the objects are collected; WeakMethod and finalize.
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

    def hello(self):
        return 'hello ' + self.name

    def __repr__(self):
        return 'Obj(%r)' % self.name


def fill(mapping, names):
    for n in names:
        mapping[n] = Obj(n)


wv = weakref.WeakValueDictionary()
kept = Obj('kept')
wv['kept'] = kept
fill(wv, ['t1', 't2', 't3'])
collect_until(lambda: len(wv) == 1)
print(len(wv), sorted(wv), list(wv.values()), 't1' in wv, wv.get('t1', 'gone'))
try:
    wv['t2']
except KeyError as e:
    print('KeyError:', e)

# Entries that die while the dictionary is being iterated are removed after.
wv2 = weakref.WeakValueDictionary()
a, b = Obj('a'), Obj('b')
wv2['a'] = a
wv2['b'] = b
ra, rb = weakref.ref(a), weakref.ref(b)
seen = []
for k in wv2.keys():
    seen.append(k)
    if k == 'a':
        del a, b
        collect_until(lambda: ra() is None and rb() is None)
print(sorted(seen), len(wv2), list(wv2.items()))

wk = weakref.WeakKeyDictionary()
k1, k2 = Obj('k1'), Obj('k2')
wk[k1] = 1
wk[k2] = 2
del k2
collect_until(lambda: len(wk) == 1)
print(len(wk), list(wk.values()), [k.name for k in wk])

ws = weakref.WeakSet()
s1, s2, s3 = Obj('s1'), Obj('s2'), Obj('s3')
for o in (s1, s2, s3):
    ws.add(o)
del o
del s2, s3
collect_until(lambda: len(ws) == 1)
print(len(ws), [x.name for x in ws], s1 in ws)

# WeakMethod dies with its object (or its function).
m = Obj('m')
wm = weakref.WeakMethod(m.hello, lambda w: print('method callback', w() is None))
print(wm()())
del m
collect_until(lambda: wm() is None)
print(wm(), wm == wm)

# finalize: runs once when the object is collected, with its arguments.
log = []
f1 = Obj('f1')
fin = weakref.finalize(f1, log.append, 'f1 collected')
print(fin.alive, fin.atexit)
del f1
collect_until(lambda: not fin.alive)
print(fin.alive, log, fin(), fin.peek(), fin.detach())

# Finalizers still alive at exit run then (last created first), unless
# their atexit attribute is false.
late1, late2, late3 = Obj('late1'), Obj('late2'), Obj('late3')
weakref.finalize(late1, print, 'at exit:', 'late1')
weakref.finalize(late2, print, 'at exit:', 'late2')
quiet = weakref.finalize(late3, print, 'never printed')
quiet.atexit = False
print(quiet.atexit, 'end of program')

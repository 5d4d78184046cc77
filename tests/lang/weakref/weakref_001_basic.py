# weakref: ref, proxy, WeakValueDictionary, WeakKeyDictionary, WeakSet,
# WeakMethod, finalize (behaviour while the referents are alive).
import weakref

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

class Obj:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return 'hello ' + self.name
    def __repr__(self):
        return f'Obj({self.name!r})'

a = Obj('a')
r = weakref.ref(a)
print(r() is a, r().name, r == weakref.ref(a), hash(r) == hash(a), r.__callback__, isinstance(r, weakref.ref))
print(type(r) is weakref.ReferenceType, weakref.getweakrefcount(a) >= 1, r in weakref.getweakrefs(a))
cb = weakref.ref(a, lambda ref: None)
print(callable(cb.__callback__), cb() is a)
err(lambda: weakref.ref(1))
err(lambda: weakref.ref('s'))
err(lambda: weakref.ref([]))
err(lambda: weakref.ref({}))
err(lambda: weakref.ref((1,)))
class Slotted:
    __slots__ = ('x',)
class SlottedWR:
    __slots__ = ('x', '__weakref__')
err(lambda: weakref.ref(Slotted()))
sw = SlottedWR()
print(weakref.ref(sw)() is sw, weakref.ref(len)() is len, weakref.ref(Obj)() is Obj)
class MyList(list):
    pass
keep = [MyList([1]), {1, 2}]
print(weakref.ref(keep[0])(), weakref.ref(keep[1])())

p = weakref.proxy(a)
print(p.name, p.hello(), p == a, repr(p).startswith('<weakproxy at'), str(p), p.__class__.__name__)
p.name = 'renamed'
print(a.name)
ml = MyList([3, 1, 2])
lp = weakref.proxy(ml)
print(len(lp), lp[0], sorted(lp), 3 in lp, list(reversed(lp)), lp + [9])
fobj = Obj('f')
bm = fobj.hello
fp = weakref.proxy(bm)
print(fp(), type(fp).__name__, type(p).__name__)
err(lambda: weakref.proxy(5))

wv = weakref.WeakValueDictionary()
b, c = Obj('b'), Obj('c')
wv['b'] = b
wv['c'] = c
print(len(wv), wv['b'], sorted(wv.keys()), 'b' in wv, wv.get('zz', 'dflt'), [x() for x in wv.valuerefs()])
del wv['c']
print(len(wv), list(wv.items()), isinstance(wv, weakref.WeakValueDictionary))
err(lambda: wv.__setitem__('n', 5))
wk = weakref.WeakKeyDictionary()
wk[b] = 1
wk[c] = 2
print(len(wk), wk[b], b in wk, 5 in wk, sorted(wk.values()), [k().name for k in wk.keyrefs()])
err(lambda: wk.__setitem__(5, 1))
ws = weakref.WeakSet([b, c])
ws.add(a)
print(len(ws), b in ws, 5 in ws, sorted(x.name for x in ws))
ws.discard(c)
print(len(ws), sorted(x.name for x in ws | weakref.WeakSet([c])), len(ws & weakref.WeakSet([a])))
err(lambda: ws.add(3))

wm = weakref.WeakMethod(b.hello)
print(wm()(), wm() == b.hello, wm == weakref.WeakMethod(b.hello))
err(lambda: weakref.WeakMethod(len))

log = []
f = weakref.finalize(b, log.append, 'finalized b')
print(f.alive, f.peek()[0] is b, f.atexit)
print(f(), log, f.alive, f(), f.peek())
g = weakref.finalize(c, log.append, 'never')
print(g.detach()[0] is c, g.alive, g(), log)

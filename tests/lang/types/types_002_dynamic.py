# types: new_class, prepare_class, resolve_bases, GenericAlias,
# DynamicClassAttribute, coroutine.
import types

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

def body(ns):
    ns['x'] = 1
    ns['hello'] = lambda self: 'hello'
A = types.new_class('A', (), {}, body)
print(A.__name__, A.x, A().hello(), A.__bases__)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw)
        return {'from_prepare': True}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
B = types.new_class('B', (A,), {'metaclass': Meta, 'flag': 1})
print(type(B).__name__, B.from_prepare, B.x, [k.__name__ for k in B.__mro__])
print(types.prepare_class('P', (), {'metaclass': Meta}))
meta, ns, kw = types.prepare_class('Q')
print(meta, ns, kw)
class Entry:
    def __mro_entries__(self, bases):
        return (A,)
print([k.__name__ for k in types.resolve_bases((Entry(), int))], types.resolve_bases((int,)))
D = types.new_class('D', (Entry(),))
print(D.__mro__[1] is A, D.__orig_bases__[0].__class__.__name__)
class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
err(lambda: types.new_class('Bad', (X1, X2)))

ga = types.GenericAlias(list, (int,))
print(ga, ga.__origin__, ga.__args__, ga.__parameters__, ga == types.GenericAlias(list, int))
print(ga([1, 2]), types.GenericAlias(dict, (str, ga)), types.GenericAlias(tuple, ()), types.GenericAlias(tuple, (int, ...)))
err(lambda: isinstance([], ga))
class MyList(ga):
    pass
print(MyList.__mro__[1], MyList([3]))

class Dyn:
    def __init__(self): self._v = 7
    @types.DynamicClassAttribute
    def value(self):
        return self._v
print(Dyn().value)
err(lambda: Dyn.value)

@types.coroutine
def legacy():
    yield 'step'
    return 'done'
async def runner():
    r = await legacy()
    return r
c = runner()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)

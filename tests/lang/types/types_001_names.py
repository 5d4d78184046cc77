# types: the names of builtin types, SimpleNamespace, MappingProxyType, MethodType.
import types
import sys

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

def f(): pass
class C:
    def m(self): return self
def g():
    yield 1
print(type(f) is types.FunctionType, types.LambdaType is types.FunctionType, isinstance(lambda: 0, types.FunctionType))
print(isinstance(C().m, types.MethodType), isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
print(isinstance(g(), types.GeneratorType), isinstance(sys, types.ModuleType), type(None) is types.NoneType)
print(types.NotImplementedType, types.EllipsisType, types.NoneType)
print(type(NotImplemented) is types.NotImplementedType, type(...) is types.EllipsisType)
print(isinstance(int | str, types.UnionType), isinstance(f.__code__, types.CodeType))
print(isinstance(C.__dict__, types.MappingProxyType), isinstance(object.__init__, types.WrapperDescriptorType))
print(isinstance(str.join, types.MethodDescriptorType))
ns = types.SimpleNamespace(a=1, b='two')
print(ns, ns.a, ns.b)
ns.c = [3]; del ns.a
print(ns, vars(ns))
print(types.SimpleNamespace(), types.SimpleNamespace(x=1) == types.SimpleNamespace(x=1), types.SimpleNamespace(x=1) == types.SimpleNamespace(x=2))
err(lambda: types.SimpleNamespace(1))
print(types.SimpleNamespace.__hash__)
err(lambda: types.SimpleNamespace().missing)
class NS(types.SimpleNamespace):
    pass
print(NS(z=1), isinstance(NS(), types.SimpleNamespace))
rec = types.SimpleNamespace()
rec.me = rec
print(rec)
mp = types.MappingProxyType({'k': 1, 'j': 2})
print(mp['k'], len(mp), list(mp), 'j' in mp, mp.get('zz', 0), sorted(mp.items()), mp.copy())
def setit(): mp['k'] = 5
err(setit)
err(lambda: types.MappingProxyType([1]))
bound = types.MethodType(lambda self, y: (self, y), 'obj')
print(bound(2), bound.__self__)
class K:
    pass
k = K()
k.hello = types.MethodType(lambda self: 'hi from ' + type(self).__name__, k)
print(k.hello())

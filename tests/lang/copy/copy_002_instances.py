# copy of class instances: __dict__, __slots__, __copy__/__deepcopy__,
# __getstate__/__setstate__, __reduce__, builtin subclasses.
import copy

class P:
    def __init__(self, x, items):
        self.x = x
        self.items = items
    def __repr__(self):
        return f'P({self.x!r}, {self.items!r})'

p = P(1, [1, 2])
a, b = copy.copy(p), copy.deepcopy(p)
print(a, b, a is p, a.items is p.items, b.items is p.items, type(b).__name__)

class S:
    __slots__ = ('u', 'v', '_w')
    def __init__(self):
        self.u = [1]
        self._w = 'private'
s = S()
s2 = copy.deepcopy(s)
print(s2.u, s2.u is s.u, hasattr(s2, 'v'), s2._w)

class Both(S):
    def __init__(self):
        super().__init__()
        self.extra = {'e': 1}
bo = copy.copy(Both())
print(bo.u, bo.extra, bo._w)

class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('  __copy__ called')
        return Custom(self.v + '-copy')
    def __deepcopy__(self, memo):
        print('  __deepcopy__ called', type(memo).__name__)
        return Custom(self.v + '-deep')
print(copy.copy(Custom('a')).v, copy.deepcopy(Custom('b')).v, copy.deepcopy([Custom('c')])[0].v)

class State:
    def __init__(self):
        self.a = 1
        self.b = 2
    def __getstate__(self):
        print('  getstate')
        return {'a': self.a}
    def __setstate__(self, st):
        print('  setstate', st)
        self.__dict__.update(st)
        self.b = 'restored'
st = copy.deepcopy(State())
print(st.a, st.b)

class Red:
    def __init__(self, *args):
        print('  init', args)
        self.args = args
    def __reduce__(self):
        return (Red, self.args, {'tag': 'T'})
r = copy.copy(Red(1, 2))
print(r.args, r.tag)

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.attr = 'a'
mc, md = copy.copy(ml), copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.attr, md, md[1] is ml[1], mc[1] is ml[1])

class MyDict(dict):
    pass
mdict = MyDict(a=[1])
cpd = copy.deepcopy(mdict)
print(type(cpd).__name__, cpd, cpd['a'] is mdict['a'])

class MyInt(int):
    pass
mi = copy.copy(MyInt(7))
print(type(mi).__name__, mi, mi + 1)

class MyStr(str):
    pass
ms = copy.deepcopy(MyStr('hey'))
ms2 = MyStr('x'); ms2.note = 'n'
print(type(ms).__name__, ms, copy.copy(ms2).note)

class MyTuple(tuple):
    pass
mt = copy.deepcopy(MyTuple([1, [2]]))
print(type(mt).__name__, mt)

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None
root = Node('root')
kid = Node('kid')
kid.parent = root
root.children.append(kid)
r2 = copy.deepcopy(root)
print(r2.children[0].parent is r2, r2.children[0] is kid, r2.children[0].name)

class E(Exception):
    pass
e = copy.copy(E('msg', 2))
print(type(e).__name__, e.args)
def gen():
    yield 1
try:
    copy.copy(gen())
except TypeError as ex:
    print('TypeError', ex)
import types
print(copy.copy(types.SimpleNamespace(a=1)))

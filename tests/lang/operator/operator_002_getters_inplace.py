import operator
from operator import itemgetter, attrgetter, methodcaller

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

rows = [('b', 2, 9.5), ('a', 2, 1.0), ('c', 1, 3.25)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(-1)(rows), itemgetter(slice(1, None))('hello'), itemgetter('k')({'k': 'v'}), itemgetter(0, 0)('xy'))
t(itemgetter(5), [1])
t(itemgetter('z'), {})
print(list(map(itemgetter(0), ['ab', 'cd'])))
class P:
    def __init__(self, name, child=None): self.name = name; self.child = child
    def greet(self, greeting='hi', punct='!'): return greeting + ' ' + self.name + punct
p = P('root', P('kid', P('grandkid')))
print(attrgetter('name')(p), attrgetter('child.name', 'child.child.name')(p))
t(attrgetter('child.missing'), p)
t(attrgetter('name.x.y'), p)
print(repr(attrgetter('a.b')), repr(itemgetter()) if False else repr(itemgetter(0)))
print(methodcaller('greet')(p), methodcaller('greet', 'yo')(p), methodcaller('greet', punct='?')(p.child))
print(repr(methodcaller('greet', 'x', punct='?')), repr(methodcaller('m')))
t(methodcaller('greet', 1), p)
print(methodcaller('upper')('abc'), methodcaller('split', '-', 1)('a-b-c'))
# in-place operators return the new value (and mutate mutable objects)
l = [1]; r = operator.iadd(l, [2]); print(l, r is l)
s = 'a'; r = operator.iadd(s, 'b'); print(s, r)
st = {1}; operator.ior(st, {2}); operator.iand(st, {2, 3}); print(st)
t(operator.iconcat, 1, [1])
print(operator.iconcat([1], (2,)), operator.concat('a', 'b'), operator.concat((1,), (2,)))
class Acc:
    def __init__(self): self.v = 0
    def __iadd__(self, o): self.v += o; return self
a = Acc(); print(operator.iadd(a, 5) is a, a.v)
print(operator.pow(2, -1), operator.truediv(1, 4), operator.floordiv(-7, 2), operator.mod(-7, 2), operator.matmul.__name__)
t(operator.truediv, 1, 0)
t(operator.add, 1, 'a')
t(operator.neg, 'a')
t(operator.lt, 1, 'a')
class M:
    def __matmul__(self, o): return 'matmul'
    def __imatmul__(self, o): return 'imatmul'
print(operator.matmul(M(), 1), operator.imatmul(M(), 1))
print(operator.countOf([1, 2, 1, 1], 1), operator.countOf('banana', 'a'), operator.indexOf('banana', 'n'), operator.indexOf([[1], [2]], [2]))
nan = float('nan'); print(operator.countOf([nan, nan], nan), operator.contains([nan], nan))
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter(range(7))), operator.length_hint(x for x in 'ab'), operator.length_hint(x for x in 'ab', 5))
print(operator.call(sorted, [3, 1], reverse=True), operator.truth(0), operator.truth('x'), operator.not_([]))
print(operator.is_(None, None), operator.is_not(0, 0), operator.index(10**20))
d = {}; operator.setitem(d, 'k', 1); print(d, operator.getitem(d, 'k')); operator.delitem(d, 'k'); print(d)
t(operator.delitem, d, 'k')
t(operator.getitem, [1], 'x')
print(operator.__not__(1), operator.__abs__(-3), operator.__getitem__('ab', 1), operator.__concat__([1], [2]))

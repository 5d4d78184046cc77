import functools
from functools import singledispatch, singledispatchmethod

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

@singledispatch
def fun(arg, verbose=False): return 'default'
@fun.register
def _(arg: int, verbose=False): return 'int'
@fun.register(list)
def _(arg, verbose=False): return 'list'
@fun.register(float | complex)
def _(arg): return 'floatish'
def for_dict(arg): return 'dict'
fun.register(dict, for_dict)
print(fun('a'), fun(1), fun([1]), fun(True), fun(1.5), fun(2j), fun({}), fun.dispatch(bool).__name__)
print(sorted(k.__name__ for k in fun.registry), fun.__name__)
t(fun)
class MyList(list): pass
print(fun(MyList()), fun(verbose=True, arg=None) if False else '')
t(fun.register, 'notaclass', lambda x: x)
t(fun.register, len)
@fun.register
def _(arg: 'str'): return 'annotated-str'
print(fun('x'))
import collections.abc as cabc
@singledispatch
def kind(x): return 'object'
@kind.register(cabc.Sequence)
def _(x): return 'sequence'
@kind.register(cabc.Mapping)
def _(x): return 'mapping'
@kind.register(tuple)
def _(x): return 'tuple'
print(kind([1]), kind('s'), kind({}), kind((1,)), kind(3), kind(range(3)))
class D:
    @singledispatchmethod
    def neg(self, arg): return 'nope'
    @neg.register
    def _(self, arg: int): return -arg
    @neg.register(str)
    def _(self, arg): return arg[::-1]
d = D()
print(d.neg(3), d.neg('abc'), d.neg(1.5), D.neg.__name__ if hasattr(D.neg, '__name__') else '')
class E:
    @singledispatchmethod
    @classmethod
    def make(cls, arg): return (cls.__name__, 'generic')
    @make.register
    @classmethod
    def _(cls, arg: int): return (cls.__name__, 'int')
print(E.make(1), E.make('a'))

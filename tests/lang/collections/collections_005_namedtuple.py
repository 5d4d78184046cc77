# collections.namedtuple: creation, fields, defaults, helpers and errors.
from collections import namedtuple

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

Point = namedtuple('Point', 'x y')
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(Point(x=3, y=4), Point(5, y=6), p == (1, 2), p < (1, 3), hash(p) == hash((1, 2)))
print(p._asdict(), p._replace(y=9), Point._make([7, 8]), Point._make(range(2)), Point.y)
print(Point._fields, Point._field_defaults, Point.__doc__, Point.x.__doc__, Point.__name__, Point.__module__)
print(isinstance(p, tuple), type(p).__mro__[1], Point.__match_args__, p + (3,), p * 2)
a, b = p
print(a, b, p.count(1), p.index(2), Point.__slots__)
err(lambda: setattr(p, 'x', 5))
err(lambda: setattr(p, 'z', 5))
err(lambda: Point(1))
err(lambda: Point(1, 2, 3))
err(lambda: Point(1, 2, z=3))
err(lambda: Point._make([1]))
err(lambda: p._replace(z=1))
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=(10, 20))
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3.__new__.__defaults__)
err(lambda: namedtuple('X', 'a b', defaults=(1, 2, 3)))
print(namedtuple('S', 'a, b,c')._fields, namedtuple('T', ['one'])(1), namedtuple('E', '')())
err(lambda: namedtuple('1x', 'a'))
err(lambda: namedtuple('X', 'a 1b'))
err(lambda: namedtuple('X', 'a class'))
err(lambda: namedtuple('X', 'a _b'))
err(lambda: namedtuple('X', 'a b a'))
err(lambda: namedtuple('def', 'a'))
err(lambda: namedtuple('X', [1, 2]))
print(namedtuple('R', 'a def _c a 2', rename=True)._fields)
M = namedtuple('M', 'v', module='mymod')
print(M.__module__, M(1))
class Vec(namedtuple('Vec', 'x y')):
    __slots__ = ()
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return 'Vec<%s,%s>' % self
v = Vec(3, 4)
print(v, v.norm2(), v._replace(x=0), Vec._fields)
match Point(1, 2):
    case Point(x, y):
        print("matched", x, y)
import copy
print(copy.copy(p), copy.deepcopy(P3([1], [2], [3])))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print({p: 'pt'}[(1, 2)])

# __slots__ entries named __x are mangled with the class name, like
# attribute names in the class's methods; copy and deepcopy keep the rest.
import copy


class Point:
    __slots__ = ('__x', 'y', '__dict__')

    def __init__(self, x, y):
        self.__x = x
        self.y = y

    def x(self):
        return self.__x

    def move(self, dx):
        self.__x += dx
        return self


class _Lead:
    __slots__ = ('__v',)

    def __init__(self):
        self.__v = 'lead'

    def v(self):
        return self.__v


p = Point(1, 2)
print(p.x(), p.y, p.move(3).x())
print(sorted(k for k in Point.__dict__ if not k.startswith('__')))
print(sorted(k for k in _Lead.__dict__ if not k.startswith('__')), _Lead().v())
print(type(Point.__dict__['_Point__x']).__name__)
try:
    Point.__dict__['__x']
except KeyError as e:
    print('KeyError', e)
p.extra = 'in the dict'
q = copy.copy(p)
print(q.y, q.extra)


class NoMangle:
    __slots__ = ('__dunder__', '_single')


print(sorted(k for k in NoMangle.__dict__ if k in ('__dunder__', '_single')))

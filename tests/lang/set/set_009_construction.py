# Building sets from various iterables; comprehensions; subclass init.
print(set([1, 2, 2]), set((3, 3)), set(range(3)), set({1: 2}), set(frozenset({4})), set(iter([5])))
print(sorted(set('mississippi')), {c for c in 'aabb'} == {'a', 'b'}, {x % 3 for x in range(10)})
def gen():
    yield 1
    yield 2
    raise KeyError('stop')
try:
    set(gen())
except KeyError as e:
    print("KeyError:", e)
class MySet(set):
    def __init__(self, it=(), extra=None):
        super().__init__(it)
        self.extra = extra
m = MySet([3, 1], extra='x')
print(m, m.extra, len(m))
try:
    MySet(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
s = {1, 2}
s.__init__([7])
print(s)
s.__init__()
print(s)
f = frozenset([1, 2])
print(frozenset(f) is f, set(f) is f, frozenset() == frozenset([]))
class FS(frozenset):
    def __new__(cls, *args):
        return super().__new__(cls, args)
print(FS(1, 2, 3), type(FS(1)).__name__)
print(set.union(*[{1}, {2}, {3}]), set().union(*[]), frozenset.intersection(frozenset({1, 2}), [2]))

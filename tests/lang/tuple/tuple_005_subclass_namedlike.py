# Tuple subclasses, __new__, comparisons, record-like usage.
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return 'Point(%r, %r)' % self
p = Point(1, 2)
print(p, p.x, p.y, len(p), p == (1, 2), isinstance(p, tuple), type(p).__name__, hash(p) == hash((1, 2)))
print(p + (3,), type(p + (3,)).__name__, p[:1], type(p[:1]).__name__, p * 2, type(p * 1).__name__)
print(tuple(p), type(tuple(p)).__name__, sorted([Point(2, 1), Point(1, 5)]))
p.extra = 'attr'
print(p.extra)
class T(tuple):
    pass
t = T([3, 4])
print(t, repr(t), t.count(3), t.index(4), T(), T() == ())
try:
    T(1, 2)
except TypeError as e:
    print("TypeError:", e)
records = [('bob', 25, 'nyc'), ('alice', 30, 'la'), ('carol', 25, 'sf')]
print(sorted(records), sorted(records, key=lambda r: (r[1], r[0])))
print(max(records, key=lambda r: r[1]), [name for name, age, _ in records if age == 25])
by_age = {}
for name, age, city in records:
    by_age.setdefault(age, []).append(name)
print(by_age)
print(tuple.__len__((1, 2)), tuple.__getitem__((5, 6), -1), tuple.__contains__((1,), 1), (1, 2).__add__((3,)))
print((1, 2).__eq__([1, 2]), (1,).__mul__(2), (1,).__rmul__(2))

# Iterators over lists, mutation during iteration, length hints, identity.
l = [1, 2, 3]
it = iter(l)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
l.append(4)
print(list(it), it.__length_hint__())
l.append(5)
print(list(it))
r = reversed(l)
print(type(r).__name__, r.__length_hint__(), next(r), next(r))
l.clear()
print(list(r), r.__length_hint__())
out = []
x = [0, 1, 2, 3, 4, 5]
for v in x:
    out.append(v)
    if v == 1:
        x.remove(v)
print(out, x)
y = [1, 2, 3]
for i, v in enumerate(y):
    if i < 3:
        y.append(v * 10)
print(y)
print(iter(l) is not iter(l), iter(it) is it)
z = list(range(5))
print(list(map(lambda v: v * 2, z)), [v for v in z if v % 2])
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested), nested.index([1, 2]), [1, 2] in nested, [3] in nested)
a = [None] * 3
a[0] = a
print(a)
b = [a, a]
print(b)
class Weird:
    def __eq__(self, other):
        z.clear()
        return False
z = [1, 2, 3]
print(Weird() in z, z)
z = [1, 2, 3]
print(z.count(Weird()), z)
z = [Weird(), 1, 2]
try:
    z.remove(2)
    print(z)
except ValueError as e:
    print("ValueError:", e)

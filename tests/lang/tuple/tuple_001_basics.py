# Tuples: creation, immutability, hashing, comparison, methods, packing.
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], t.count(1), t.index(3.0))
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}))
single = 1,
print(single, type(single).__name__, len(single))
print((1, 2) + (3,), (1, 2) * 2, 2 in (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "a", (2, 1): "b"}[(2, 1)], len({(1, 2), (1, 2), (2, 1)}))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
mut = ([1], [2])
mut[0].append(10)
print(mut)
try:
    mut[0] += [20]
except TypeError as e:
    print("TypeError:", e)
print(mut)
point = (3, 4)
x, y = point
print(x, y, (x ** 2 + y ** 2) ** 0.5)
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, 9, 1, 7])
print(lo, hi, minmax("hello"))
coords = [(1, 2), (3, 1), (0, 5), (2, 2)]
print(sorted(coords), sorted(coords, key=lambda p: p[1]), max(coords, key=lambda p: p[0] + p[1]))
print(tuple(x * 2 for x in range(4)), tuple(sorted((3, 1, 2))))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested), nested == ((1, 2), (3, (4, 5))))
print((1, 2, 3).__len__(), (1, 2).__getitem__(0), (1,).__add__((2,)), tuple.__name__)
print(repr((1,)), repr(()), str(("a", 'b"')), repr((1.0, "x", None)))
a = (1, 2)
b = a
a += (3,)
print(a, b, a is b)
print(list(enumerate(("x", "y"))), dict([("k", 1), ("j", 2)]), tuple(zip((1, 2), "ab")))
print(max((1, "z"), (2, "a")), min([(2, 1), (1, 9), (1, 2)]), sorted([(2, "b"), (1, "c"), (2, "a")]))

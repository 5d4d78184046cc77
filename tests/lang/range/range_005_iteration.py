# Iteration over ranges in loops and builtins; iterator objects.
total = 0
for i in range(1, 101):
    total += i
print(total)
print([i * i for i in range(6)], list(map(lambda x: -x, range(3))), dict.fromkeys(range(3)))
it = iter(range(3))
print(type(it).__name__, it.__length_hint__(), next(it), next(it), next(it), it.__length_hint__())
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(list(zip(range(3), range(10, 13))), list(enumerate(range(5, 8))), tuple(range(-2, 2)))
r = range(5)
i1, i2 = iter(r), iter(r)
next(i1)
print(list(i1), list(i2))
print(sorted(range(5), reverse=True), set(range(5)), frozenset(range(2)), list(range(5))[::-1])
nested = [[j for j in range(i)] for i in range(4)]
print(nested)
print(sum(1 for _ in range(1000)), any(x > 5 for x in range(7)), all(x < 5 for x in range(7)))
x = 0
for i in range(10, 0, -2):
    x = x * 10 + i
print(x)
print(list(filter(lambda v: v % 3 == 0, range(20))), list(reversed(range(2, 12, 3))))

# Unpacking in assignments: tuples, lists, nested targets, starred targets, chained assignment, swaps.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(x, y), z = (10, 20), 30
print(x, y, z)
[p, q] = "pq"
print(p, q)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
a, *b, c = 1, 2
print(a, b, c)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
i = j = k = 0
i += 1
print(i, j, k)
lst1 = lst2 = []
lst1.append("shared")
print(lst2)
d = {}
d["a"], d["b"] = 1, 2
print(d)
arr = [0, 0, 0]
arr[0], arr[2] = "L", "R"
print(arr)
class O:
    pass
o = O()
o.x, o.y = 3, 4
print(o.x, o.y)
n = 0
n, arr[n] = 2, "set via new n"
print(n, arr)
for idx, (key, value) in enumerate({"k1": "v1", "k2": "v2"}.items()):
    print(idx, key, value)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
for first, *others in ["abc", "de", "f"]:
    print(first, others)
points = [(1, 2), (3, 4), (5, 6)]
xs, ys = zip(*points)
print(xs, ys)
fib = [0, 1]
for _ in range(8):
    *_, a, b = fib
    fib.append(a + b)
print(fib)
matrix = [[1, 2, 3], [4, 5, 6]]
(r1c1, *_), (*_, r2c3) = matrix
print(r1c1, r2c3)
s = "key=value"
k, sep, v = s.partition("=")
print(k, sep, v)
val = 5
a = b = val * 2
print(a, b)
x = [1, 2, 3]
x[0], x[1] = x[1], x[0]
print(x)
x, x[0] = [9, 9], "first element of new x"
print(x)
(a), (b) = 1, 2
print(a, b)
[a, [b, [c, d]]] = [1, [2, [3, 4]]]
print(a, b, c, d)

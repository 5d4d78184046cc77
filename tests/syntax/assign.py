x = 1
x = y = z = 0
a, b = b, a
a, *rest = range(10)
*init, last = items
[first, (second, third)] = nested
obj.attr = value
obj[key] = value
obj.a.b[c][d].e = f
x, = singleton
(x) = 1
((a, b), c) = d
x += 1
x -= 1
x *= 2
x /= 3
x //= 4
x %= 5
x **= 6
x @= m
x &= 7
x |= 8
x ^= 9
x <<= 10
x >>= 11
obj.count += 1
arr[i] -= 1
x: int
y: list[int] = []
obj.field: str = "a"
arr[0]: float
(paren): int = 3
z: "forward" = None

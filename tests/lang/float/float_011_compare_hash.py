# float comparisons (with ints, exactly) and hashing.
import math
nan = float("nan")
inf = float("inf")
vals = [0.0, -0.0, 1.0, 0.5, -0.5, 2.0 ** 53, 2.0 ** 53 + 2, 1e300, inf, -inf, nan, 2 ** 53 + 1, 2 ** 53, 10 ** 400, -(10 ** 400), 1, 0, True]
for a in vals:
    print(repr(a), [(a < b, a == b, a > b, a <= b, a >= b, a != b) for b in vals])
print(nan == nan, nan != nan, nan is nan, [nan] == [nan], nan in [nan])
print(sorted([3.5, 1, -2.5, 2 ** 60, 0.0, -0.0, True]))
for x in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 1e10, 1e20, 1e300, 5e-324, 2.0 ** 61, 2.0 ** 62, -2.0 ** 61, 1 / 3, math.pi, inf, -inf, 1e-10, 123.456, 2.0 ** 70 + 2.0 ** 20]:
    print(repr(x), hash(x), hash(x) == hash(int(x)) if abs(x) != inf and x == int(x) else "-")
print(hash(-1.0), hash(-2.0), hash(float(2 ** 61 - 1)), hash(float(2 ** 62)))
d = {}
for k in [1, 1.0, 1.5, 2, 2.0, 0, -0.0, 0.0, False]:
    d[k] = d.get(k, 0) + 1
print(d)
print({0.1, 0.1 + 0.0, 1 / 10}, len({1.0, 1, True}), 0.0 == -0.0, hash(0.0) == hash(-0.0))
print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0), max(1, 1.0), max(1.0, 1))

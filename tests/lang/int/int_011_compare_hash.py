# Comparisons between ints, floats, bools and big ints; hashing.
import math
pairs = [(1, 1.0), (2 ** 53, 2.0 ** 53), (2 ** 53 + 1, 2.0 ** 53), (2 ** 53 + 1, 2.0 ** 53 + 2), (10 ** 20, 1e20),
         (10 ** 400, float("inf")), (-(10 ** 400), float("-inf")), (10 ** 400, float("nan")), (0, -0.0), (1, 1.5),
         (-1, -1.5), (2 ** 63, 9.223372036854776e18), (2 ** 63 - 1, 9.223372036854776e18), (True, 1.0), (False, 0.0),
         (3, 2.9999999999999996), (-3, -3.0000000000000004), (123456789012345678901234567890, 1.2345678901234568e29),
         (2 ** 1024, 1.7976931348623157e308), (2 ** 1023, 8.98846567431158e307), (-(2 ** 1023), -8.98846567431158e307)]
for a, b in pairs:
    print(a < b, a <= b, a == b, a != b, a > b, a >= b, b < a, b == a, b > a)
print(1 == True, 2 == True, 0 == False, True < 2, False > -1, True + True == 2)
for v in [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, -(2 ** 61), 10 ** 30, -(10 ** 30), 2 ** 47, -(2 ** 47) - 1, True, False]:
    print(v, hash(v), hash(v) == hash(float(v)) if abs(v) < 2 ** 1000 else None)
print(hash(1.0) == hash(1), hash(0.5), hash(-0.5), hash(1e100), hash(2.0 ** 70) == hash(2 ** 70), hash(float("inf")), hash(float("-inf")))
print(hash(1e-300), hash(-1.0), hash(-2.0), hash(math.pi), hash(2 ** 61 - 1.0), hash(-0.0))
d = {1: "a", 1.0: "b", True: "c", 2 ** 100: "d", float(2 ** 100): "e"}
print(d)
print(sorted([3, 1.5, 2 ** 70, -(2 ** 70), True, -0.5, 0]))
print(max(1, 1.0), min(1.0, 1), max(2 ** 53 + 1, float(2 ** 53)))
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError", e)
try:
    print(2 ** 100 >= None)
except TypeError as e:
    print("TypeError", e)
print(1 == "1", 1 != None, (2 ** 100) == [])

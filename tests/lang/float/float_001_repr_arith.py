# Float repr (shortest round-trip), arithmetic, special values.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e-10, 1.5e300, 123.456, 1e16, 1e15, 12345678912345.678,
        0.000123, 5e-324, 1.7976931348623157e308, 100.0, -2.5, 3.0e-5, 9007199254740993.0]
for v in vals:
    print(repr(v), str(v), v == float(repr(v)))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf * -1)
print(inf > 1e308, -inf < -1e308, nan > 0, nan < 0, nan == nan, inf == inf)
print(float("-inf"), float("Infinity"), float("  nan  "), float("-0"), float("1_000.5"))
print(0.1 * 3, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(1e308 + 1e308, -1e308 - 1e308, 2.0 ** 1023, 1e-320 / 10)
print(7.0 // 2, -7.0 // 2, 7.0 % 2, -7.0 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 0.5, 2 ** 0.5, 10.0 ** -2, (-8.0) ** 2, 4 ** 0.5)
print(float(1), float("3.25"), float(" -1.5e3 "), float(True), float(2 ** 80))
total = 0.0
for i in range(10):
    total += 0.1
print(total, total == 1.0, round(total, 10))
acc = 0.0
for i in range(1, 1001):
    acc += 1.0 / (i * i)
print(acc, (acc * 6) ** 0.5)
x = 1.0
steps = 0
while x + 1.0 != x:
    x *= 2.0
    steps += 1
print(steps, x)
print(-0.0, 0.0 == -0.0, repr(-0.0 * 1), repr(0.0 * -1), str(-0.0 + 0.0))
print(hash(1.0) == hash(1), hash(0.5), hash(-0.0) == hash(0.0), hash(1.5))
print(1.5.is_integer(), 2.0.is_integer(), (0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((3.75).hex(), float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"))
print(float("1e500"), float("-1e500"), float("1e-500"))

# float arithmetic: division, floor division, modulo signs, specials.
inf = float("inf")
nan = float("nan")
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

vals = [7.5, -7.5, 2.0, -2.0, 0.0, -0.0, 1e308, 5e-324, inf, -inf, nan, 3]
for x in vals:
    row = []
    for y in vals:
        for op in (lambda: x // y, lambda: x % y, lambda: divmod(x, y), lambda: x / y):
            try:
                row.append(repr(op()))
            except ZeroDivisionError as e:
                row.append("ZDE:" + str(e))
    print(x, row)
t(lambda: 1.0 / 0)
t(lambda: 1.0 // 0)
t(lambda: 1.0 % 0)
t(lambda: divmod(1.0, 0.0))
t(lambda: 0.0 / 0.0)
t(lambda: 1 / 0.0)
t(lambda: 1e308 * 10)
t(lambda: -1e308 * 10)
t(lambda: 1e308 + 1e308)
t(lambda: inf - inf)
t(lambda: inf * 0)
t(lambda: 0.1 + 0.2 == 0.3)
t(lambda: 6.0 % 4.0)
t(lambda: -6.0 % 4.0)
t(lambda: 6.0 % -4.0)
t(lambda: -0.0 % 5)
t(lambda: 0.0 % -5)
t(lambda: 1e-300 % 1e300)
t(lambda: -1e-300 % 1e300)
t(lambda: 3.5 // 0.5)
t(lambda: 0.7 // 0.1)
t(lambda: 0.7 % 0.1)
t(lambda: divmod(0.7, 0.1))
t(lambda: -0.0 // 1)
t(lambda: 0.0 // -1)
t(lambda: (-1.0) // inf)
t(lambda: 1.0 // -inf)
t(lambda: -(0.0))
t(lambda: abs(-0.0))
t(lambda: +(-0.0))
t(lambda: 2.5 + True)
t(lambda: 2.5 * (2 ** 80))
t(lambda: 2.5 - 10 ** 400)
t(lambda: 10 ** 400 - 2.5)
t(lambda: 1.5 + "a")
t(lambda: 1.5 << 1)
t(lambda: 1.5 & 1)
t(lambda: ~1.5)
x = 1.5
x += 1
x *= 3
x /= 2
x //= 1
x **= 2
x %= 7
x -= 0.25
print(x)

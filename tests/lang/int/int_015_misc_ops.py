# Mixed-type arithmetic, augmented assignment, error messages for operators.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: 1 + "a")
t(lambda: "a" + 1)
t(lambda: 1 - None)
t(lambda: [1] * 2)
t(lambda: 2 * (1, 2))
t(lambda: 3 * "ab")
t(lambda: 1 @ 2)
t(lambda: 5 // 0)
t(lambda: 5 % 0)
t(lambda: 5 / 0)
t(lambda: divmod(5, 0))
t(lambda: 5 // 0.0)
t(lambda: 5 % 0.0)
t(lambda: 5 / 0.0)
t(lambda: 1 << -1)
t(lambda: 1 >> -1)
t(lambda: 1 << 2 ** 100)
t(lambda: 2 ** -1)
t(lambda: 0 ** -1)
t(lambda: 1 + 2j)
t(lambda: 2 ** 0.5)
t(lambda: (-8) ** (1 / 3))
t(lambda: 7 // 2.0)
t(lambda: -7 % 2.5)
t(lambda: divmod(-7, 2.5))
t(lambda: 10 ** 400 + 1.0)
t(lambda: 1.0 * 10 ** 400)
t(lambda: 10 ** 400 / 10 ** 399)
t(lambda: ~1.5)
t(lambda: -"a")
t(lambda: 1 & 1.0)
t(lambda: 1 | None)
t(lambda: 1 < 2 < 3 > 2 != 1)
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x **= 3
x %= 100
x <<= 70
x >>= 68
x |= 1
x &= 0xFFFF
x ^= 0b1010
print(x)
y = 2 ** 100
y //= 3
y *= y
print(y % 10 ** 9)
n = 0
for i in range(100000):
    n += i * i
print(n)
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, -7 // -2, -7 % -2, divmod(7, -2), divmod(-7, -2))
print(int.__floordiv__(7, 2), int.__rtruediv__(2, 7), int.__mul__(3, "x"), int.__add__(1, 1.0))

# Arithmetic operators on ints and floats, precedence and associativity.
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (12, 4)]
for a, b in pairs:
    print(a, b, "|", a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2)
fpairs = [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (1.0, 3.0)]
for a, b in fpairs:
    print(a, b, "|", a + b, a - b, a * b, a / b, a // b, a % b)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2)
print(-2 ** 2, (-2) ** 2, 2 ** -1, -2 ** -2)
print(10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 17 // 5 * 5 + 17 % 5)
print(+-+-3, --5, -(-(-5)), ~5, ~-1, -~5)
print(1 + 2.0, 3 * 1.5, 7 / 7, type(7 / 7), 8 // 2.0, 2 ** 0.5)
print(True + 1, True * 3.5, False - 1)
print(0 ** 0, 0.0 ** 0, 5 ** 0, 1 ** 1000)
print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3))
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 7; print(x)
x /= 2; print(x)
n = 0b1100
n |= 0b0011; print(n)
n &= 0b1010; print(n)
n ^= 0b1111; print(n)
n <<= 3; print(n)
n >>= 1; print(n)
print(3 * "ab", "ab" * 3, [1] * 0, (2,) * 2, -1 * "x")

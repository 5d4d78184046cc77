# Arbitrary-precision integers: growth past 64 bits, signs, mixed operations.
f = 1
for i in range(1, 31):
    f *= i
    if i % 5 == 0:
        print(i, f)
print(2 ** 64, 2 ** 64 - 1, -(2 ** 63), 2 ** 63 - 1)
print(2 ** 200)
print(3 ** 100 % 1000007, pow(3, 100, 1000007))
big = 12345678901234567890123456789
print(big * big)
print(big // 987654321, big % 987654321, divmod(big, -987654321))
print(-big // 7, -big % 7, big // -7, big % -7)
print((big >> 40) << 40 == big - (big & ((1 << 40) - 1)))
print(big & 0xFFFF, big | 1, big ^ big, ~big)
print(int("9" * 50) + 1)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)))
a, b = 0, 1
for _ in range(150):
    a, b = b, a + b
print("fib150", a)
print(abs(-big), -(-big) == big, big > 2 ** 90, big < 2 ** 100)
print(2 ** 100 == 2.0 ** 100, 2 ** 100 + 1 == 2.0 ** 100, 2 ** 53 + 1 > 2.0 ** 53)
print(float(2 ** 100), int(1e20), int(-1e20), int(2.0 ** 70))
print(10 ** 30 / 10 ** 10, (10 ** 30) // (10 ** 10))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-1), hash(-2), hash(12345))
def isqrt_newton(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt_newton(10 ** 40), isqrt_newton(2 * 10 ** 30))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(2 ** 100, 6 ** 50), gcd(big, 3 ** 40))
print((2 ** 100).bit_length(), (-(2 ** 100)).bit_length(), (2 ** 100 - 1).bit_length())
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print((1024).to_bytes(2, "big"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xff", "big", signed=True), (2 ** 70).to_bytes(9, "little"))

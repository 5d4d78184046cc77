# int methods and properties: bit_length, bit_count, conjugate, numerator, as_integer_ratio, is_integer.
for n in [0, 1, 7, 8, 255, -255, 2 ** 40 + 5, -(2 ** 70)]:
    print(n, n.bit_length(), bin(n).count("1"), n.numerator, n.denominator, n.real, n.imag)
print((5).conjugate(), (10).as_integer_ratio(), (-3).as_integer_ratio())
print(int.__name__, (5).__class__.__name__, isinstance(True, int), issubclass(bool, int))
print((17).__add__(3), (17).__sub__(3), (17).__mul__(3), (17).__floordiv__(3), (17).__mod__(3))
print((17).__radd__(3), (17).__rsub__(3), (3).__pow__(4), (3).__neg__(), (3).__abs__())
print((3).__eq__(3), (3).__lt__(4), (3).__add__(1.5), (3).__bool__(), (0).__bool__())
print((255).__format__("x"), format(255, "#b"), format(-255, "08d"), format(1234567, ","))
print(format(1234567, "_"), format(255, "X"), format(255, "#o"), format(42, "^10"), format(42, "+"))
print(int.from_bytes(bytes([1, 2, 3]), "big"), list((0x010203).to_bytes(3, "big")))
print(sorted([3, -1, 2, -5, 0], key=abs), sorted([3, -1, 2, -5, 0], key=int.bit_length))
print(max(range(100), key=lambda n: (n % 7, n)), min([10, 3, 7], key=lambda n: -n))
def digits(n):
    return [int(c) for c in str(abs(n))]
print(digits(9075), sum(digits(2 ** 100)))
def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True
print([p for p in range(100) if is_prime(p)])
print(is_prime(2 ** 31 - 1), is_prime(1_000_003), is_prime(1_000_001))
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz_len(n) for n in range(1, 21)], max(range(1, 1000), key=collatz_len))
print(True + True, True * 10, -True, ~True, True << 3, True.__class__.__name__)
print(int.__add__(2, 3), int.__mro__)

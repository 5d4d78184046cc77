# Floor division and modulo rules for negative operands, divmod invariants, true division.
cases = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5, 17), (-5, 17), (10 ** 20, 7), (-(10 ** 20), 7)]
for a, b in cases:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a, a // b == q, a % b == r, a / b)
print(7 // 2, -7 // 2, 7 % -2, -7 % -2)
print(round(7 / 2), round(-7 / 2), round(5 / 2), round(3 / 2))
print(1 / 3 + 1 / 3 + 1 / 3 == 1, 10 / 4, 9 / 3, type(9 / 3).__name__)
print(2 ** 100 / 2 ** 99, (2 ** 1000) / (2 ** 999))
print(int(7 / 2), int(-7 / 2), int(3.99), int(-3.99))
hours = [(0, 0), (125, 0), (3600, 0), (3725, 0), (86399, 0)]
for secs, _ in hours:
    m, s = divmod(secs, 60)
    h, m = divmod(m, 60)
    print(f"{secs:>6} -> {h:02d}:{m:02d}:{s:02d}")
print([i % 3 for i in range(-6, 7)])
print([i // 3 for i in range(-6, 7)])
print(-1 % 10 ** 30, (-1) // 10 ** 30)
def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, d = divmod(n, base)
        out.append(digits[d])
    return sign + "".join(reversed(out))
for n in [0, 255, -255, 10 ** 18, 2 ** 64]:
    print(n, to_base(n, 2), to_base(n, 7), to_base(n, 16), to_base(n, 36))
    print(int(to_base(n, 36), 36) == n, int(to_base(n, 7), 7) == n)

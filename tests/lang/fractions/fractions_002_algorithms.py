# Exact rational algorithms: continued fractions, harmonic sums, mixed types.
from fractions import Fraction as F
import math

h = F(0)
for n in range(1, 60):
    h += F(1, n)
print(h.numerator % 10**12, h.denominator % 10**12, len(str(h.denominator)))
x = F(2)
for i in range(6):
    x = (x + 2 / x) / 2
print(x.limit_denominator(10**9), float(x), x.limit_denominator(100))
pi = F(math.pi)
print(pi, [pi.limit_denominator(d) for d in (1, 7, 100, 1000, 10**6)])
print(F('3.1415926535897932384626433832795').limit_denominator(10**10))
print(sorted([F(1, 3), 0.25, F(-1, 2), 1, F(5, 7), 0.5]))
print(sum(F(1, 2**k) for k in range(20)), F(1, 3) * 3 == 1, F(7, 3) // 1, F(-7, 3) % 1)
print(max(F(1, 3), F(2, 7)), min(F(1, 3), 0.3), F(1, 3) + F(1, 6) == F(1, 2))
print({F(1, 2): 'a', 0.5: 'b', F(2, 4): 'c'})
print(F(1, 10) ** 3, F(-2, 3) ** -3, F(9, 4) ** F(1, 2), F(8) ** F(2, 3), 2 ** F(10), F(2) ** 100 > 10**30)
print(divmod(F(22, 7), F(1, 3)), divmod(-F(22, 7), 2), F(22, 7) % F(-1, 3), 7 // F(2, 3), 7.5 // F(2, 3))
for v in [F(1, 3), F(-7, 2), F(10**20, 3), F(0), F(-1, 10**20)]:
    print(v, repr(v), float(v), int(v), round(v), round(v, 3), math.floor(v), math.ceil(v), math.trunc(v), hash(v) == hash(float(v)) or v.denominator % 2 != 0)
print(F(3, 4).__reduce__(), F.from_float(1e-300).denominator.bit_length(), F(5).is_integer() if hasattr(F, 'is_integer') else True)

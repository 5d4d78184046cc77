# Construction (ints, floats, strings), arithmetic, comparisons, hashing, rounding.
from fractions import Fraction as F
import math
def p(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for s in ['3/4', ' -3/4 ', '1.5', '1e3', '-1.25e-2', '.5', '5.', '1_000/3', '3 / 4', '1.d', '1.dd', '1.d5', 'abc', '', '3/0', '0x10', '1/-2', '+.5E+1_0', '1.5/2', '١٢/٣', '1__0', '1.2.3', 'inf', 'nan', '  7  ']:
    p(lambda: F(s))
p(lambda: F(1, 0)); p(lambda: F(0, -5)); p(lambda: F(6, -4)); p(lambda: F(1.5)); p(lambda: F(0.1)); p(lambda: F(float('inf'))); p(lambda: F(float('nan'))); p(lambda: F([1])); p(lambda: F(1, 2.0)); p(lambda: F(F(1, 2), F(3, 4))); p(lambda: F(True))
a, b = F(3, 4), F(-5, 6)
p(lambda: (a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, b ** -3, a ** 0.5, 2 ** a, 4 ** F(1, 2), F(4) ** F(1, 2), (-a) ** -1))
p(lambda: (a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, a // 2, 2 // a, a % 2, 2 % a, a + 1.5, 1.5 + a, a * 1j, 1j * a, a ** 1j if False else 0))
p(lambda: (a < b, a > 0.5, a == 0.75, a == 3/4, F(1,2) == 0.5, F(1) == 1, a != b, a <= 1, a >= F(3, 4), a < float('inf'), a == float('nan'), a == complex(0.75, 0)))
p(lambda: (hash(F(1, 2)) == hash(0.5), hash(F(1, 3)), hash(F(-1, 3)), hash(F(5)), hash(F(-1)), hash(F(1, 2**61 - 1)), hash(F(10**30, 7))))
p(lambda: (math.floor(b), math.ceil(b), math.trunc(b), int(b), round(b), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(a, 1), round(F(12345, 100), -1), float(a), complex(a), bool(F(0)), abs(b), -a, +a))
p(lambda: (F(3.141592653589793).limit_denominator(1000), F(3.141592653589793).limit_denominator(100), F(1, 3).limit_denominator(10), F(-355, 113).limit_denominator(7), F(5, 2).limit_denominator(1)))
p(lambda: F(1,2).limit_denominator(0)); p(lambda: F.from_float(0.25)); p(lambda: F.from_float('x')); p(lambda: F.from_float(3)); p(lambda: a.as_integer_ratio()); p(lambda: (a.numerator, a.denominator, a.real, a.imag, a.conjugate()))
p(lambda: str(a)); p(lambda: str(F(4, 2))); p(lambda: a / 0); p(lambda: a // 0); p(lambda: a % 0); p(lambda: F(0) ** -1); p(lambda: a + 'x'); p(lambda: a < 'x'); p(lambda: format(a, '')); p(lambda: format(a, '.2f'))
class G(F): pass
p(lambda: G(1, 2)); p(lambda: G(1, 2) + 1); p(lambda: type(+G(1, 2)))
p(lambda: sum([F(1, n) for n in range(1, 20)]))
p(lambda: F(10**50 + 1, 3 * 10**40)); p(lambda: F('1e-100')); p(lambda: F(2**0.5))

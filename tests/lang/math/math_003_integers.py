import math

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

print([math.factorial(n) for n in range(0, 25)])
print(math.factorial(100))
print(len(str(math.factorial(2000))), math.factorial(True))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2**52, 2**53 + 1, 10**30, 10**31, 2**127 - 1]])
print([math.gcd(a, b) for a, b in [(0, 0), (0, 5), (12, 18), (-12, 18), (2**100, 6**50), (17, 31)]], math.gcd(), math.gcd(-7), math.gcd(4, 6, 8))
print([math.lcm(a, b) for a, b in [(0, 5), (4, 6), (-4, 6), (2**64, 3)]], math.lcm(), math.lcm(-5), math.lcm(2, 3, 4, 5), math.lcm(2, 0, 3))
print([math.comb(10, k) for k in range(12)], math.comb(0, 0), math.comb(1000, 500) % 10**20, math.comb(2**70, 2))
print([math.perm(6, k) for k in range(8)], math.perm(5), math.perm(0), math.perm(10**20, 3), math.perm(300, 100) % 10**30)
print(math.comb(True, True), math.perm(5, True))
for args in [(5, -1), (-5, 2), (5.0, 2), (5, 2.0), ('5', 1)]:
    t(math.comb, *args)
    t(math.perm, *args)
t(math.factorial, -5)
t(math.factorial, 2.5)
t(math.isqrt, -4)
t(math.isqrt, 4.0)
t(math.gcd, 1.5, 2)
t(math.lcm, 'a')
class Idx:
    def __index__(self): return 12
print(math.gcd(Idx(), 8), math.factorial(Idx()), math.isqrt(Idx()), math.comb(Idx(), 2), math.lcm(Idx(), 5))
print(math.prod(range(1, 25)), math.prod([1.5, 2, 3]), math.prod([]), math.prod([2] * 100), math.prod([3, 4.5]), math.prod([], start=5))
print(math.prod(['ab'], start=1), math.prod([[1], 2]), math.prod([2**40, 2**40, 2**40]), math.prod(iter([1, 2, 3]), start=0.5))
from fractions import Fraction
print(math.prod([Fraction(1, 2), Fraction(2, 3)]), math.prod([1, 2], start=Fraction(1, 7)))
t(math.prod, 5)
t(math.prod, [1], 2)
print(math.log(2**100, 2), math.log2(2**2000), math.log10(10**400), math.log(10**400), math.log1p(10**20) > 46)
print(math.log(True) if False else math.log(1), math.log(3**700, 3))
t(math.log, 0)
t(math.log, -(10**400))
t(math.log2, -1)
t(math.log10, 0.0)
t(math.sqrt, 10**400)
print(math.sqrt(10**300), math.exp(True), math.fabs(-10**20), math.floor(10**30), math.ceil(-10**30))

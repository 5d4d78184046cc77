import math
class _Rand:
    def __init__(self, seed): self.s = seed
    def random(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.s >> 11) / 2**53
    def uniform(self, a, b): return a + (b - a) * self.random()
    def randrange(self, n): return int(self.random() * n)
    def randint(self, a, b): return a + int(self.random() * (b - a + 1))
random = _Rand(12345)
vals = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.0, -2.5, 1e-320, 1e-300, 1e-20, 1e-10, 170.5, 171.7, 200.0, -200.5, 140.5, 1e300, float('inf'), -float('inf'), float('nan'), 0.71, 5.0, 4.999, 23.0, 24.0, -0.5, -1.5]
for i in range(80): vals.append(random.uniform(-30, 30))
for i in range(40): vals.append(random.uniform(0, 2))
for i in range(20): vals.append(10 ** random.uniform(-300, 300))
def r(f, *a):
    try: return repr(f(*a))
    except Exception as e: return type(e).__name__
for name in ['gamma', 'lgamma', 'erf', 'erfc', 'exp', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sqrt', 'cbrt', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'exp2', 'fabs', 'floor', 'ceil', 'trunc', 'frexp', 'modf', 'degrees', 'radians', 'ulp', 'isfinite']:
    f = getattr(math, name)
    print(name, [r(f, v) for v in vals])
for name in ['atan2', 'pow', 'fmod', 'remainder', 'copysign', 'hypot', 'nextafter', 'dist2', 'log']:
    out = []
    for i in range(len(vals)):
        a = vals[i]; b = vals[(i * 13 + 5) % len(vals)]
        if name == 'dist2': out.append(r(math.dist, (a, b), (b, a)))
        else: out.append(r(getattr(math, name), a, b))
    print(name, out)
print('hyp', [r(math.hypot, *[random.uniform(-100, 100) for k in range(n)]) for n in range(1, 30)])
print('hyp2', [r(math.hypot, random.random() * 10**random.randint(-300, 300), random.random()*10**random.randint(-300, 300)) for n in range(300)])
print('fsum', [r(math.fsum, [random.uniform(-1, 1) * 10 ** random.randint(-20, 20) for k in range(n)]) for n in range(50)])
print('fsum2', math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([2.0**53, -0.5, -2.0**-54]))
print('biglog', [r(math.log, 3 ** k) for k in range(600, 700, 7)], [r(math.log2, 7 ** k) for k in range(400, 500, 9)], [r(math.log10, 10 ** k + 1) for k in range(300, 400, 11)], r(math.log, 2**1024), r(math.log, 2**1024 - 1), r(math.log, 10**1000, 10), r(math.log, 10**1000, 10**500))
print('ints', math.factorial(30), math.factorial(0), math.comb(100, 50), math.perm(20, 10), math.perm(100, 70) % 10**30, math.comb(10**20, 3), math.perm(10**20, 2), math.gcd(*[12*k for k in range(1, 10)]), math.lcm(*range(1, 30)), math.isqrt(10**100 + 7), math.isqrt(2**60 - 1), math.isqrt(0))
print('prod', math.prod(range(1, 25)), math.prod([1.5, 2, 3]), math.prod([]), math.prod([2] * 100), math.prod([Fraction := 3, 4.5]))

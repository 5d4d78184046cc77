import cmath
class _Rand:
    def __init__(self, seed): self.s = seed
    def random(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.s >> 11) / 2**53
    def uniform(self, a, b): return a + (b - a) * self.random()
    def randrange(self, n): return int(self.random() * n)
    def randint(self, a, b): return a + int(self.random() * (b - a + 1))
random = _Rand(12345)
vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 1e-320, 1e-300, 1e300, -1e300, 1e308, 3.7, -12.25, 0.71, 1.73, float('inf'), -float('inf'), float('nan')]
for i in range(40): vals.append(random.uniform(-10, 10))
fns = ['sqrt', 'exp', 'log', 'log10', 'cos', 'sin', 'tan', 'cosh', 'sinh', 'tanh', 'acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']
bad = 0
for name in fns:
    f = getattr(cmath, name)
    out = []
    for i in range(0, len(vals)):
        for j in range(0, len(vals), 3):
            z = complex(vals[i], vals[(i * 7 + j) % len(vals)])
            try: r = repr(f(z))
            except Exception as e: r = type(e).__name__
            out.append(r)
    print(name, out)
for r in [0.0, 1.0, -2.0, float('inf'), -float('inf'), float('nan')]:
    for p in [0.0, -0.0, 1.0, float('inf'), float('nan')]:
        try: print(cmath.rect(r, p))
        except Exception as e: print(type(e).__name__)
print(cmath.log(8, 2), cmath.log(1j, 1+1j), cmath.isclose(1+1j, 1+1.0000000001j))

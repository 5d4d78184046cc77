import math

def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)

vals = [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.5, 1e16 + 1, -1e300, 3, -7, True, 10**30]
print([math.floor(v) for v in vals])
print([math.ceil(v) for v in vals])
print([math.trunc(v) for v in vals])
print([type(math.floor(v)).__name__ for v in vals])
class F:
    def __floor__(self): return 'floored'
    def __ceil__(self): return 'ceiled'
    def __trunc__(self): return 'truncated'
    def __float__(self): return 2.5
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
class G:
    def __float__(self): return -2.5
print(math.floor(G()), math.ceil(G()), math.sqrt(F()), math.isnan(G()))
t(math.trunc, G())
class H:
    def __index__(self): return 7
print(math.floor(H()), math.sqrt(H()), math.ldexp(1.0, 3))
class MyFloat(float): pass
print(math.floor(MyFloat(2.5)), math.ceil(MyFloat(-2.5)), math.trunc(MyFloat(-2.5)))
for bad in [float('inf'), -float('inf'), float('nan')]:
    t(math.floor, bad); t(math.ceil, bad); t(math.trunc, bad)
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.inf))
print(math.frexp(8.0), math.frexp(-0.1), math.frexp(1e-310), math.frexp(math.inf), math.ldexp(0.5, 1025), math.ldexp(3, -1080))
t(math.ldexp, 1.0, 1025)
print(math.ldexp(0.0, 10**100), math.ldexp(2.0, -10**100), math.ldexp(math.inf, -5))
print(math.modf(3.25), math.modf(-0.0), math.modf(math.inf), math.modf(-math.inf))
print(math.copysign(3, -0.0), math.copysign(-2, math.nan) if False else math.copysign(-2.0, 1.0), math.fabs(-0.0))
print(math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, math.inf), math.fmod(-0.0, 1), math.remainder(7, 3), math.remainder(-7.5, 2), math.remainder(5, math.inf))
t(math.fmod, math.inf, 2); t(math.remainder, math.inf, 2); t(math.remainder, 2, 0)
print(math.pow(2, 0.5), math.pow(-2, 3), math.pow(0, 0), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(-1, math.inf), math.pow(0.5, -math.inf), math.pow(-math.inf, 3), math.pow(-math.inf, -3), math.pow(math.inf, -2), math.pow(-math.inf, 2))
t(math.pow, 0, -1.5); t(math.pow, -2, 0.5); t(math.pow, 2, 5000)
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(1e308, 1e308), math.hypot(1e-320, 1e-320))
print(math.dist((0, 0), (3, 4)), math.dist([1], [4]), math.dist((), ()), math.dist(iter([1, 1]), iter([2, 2])))
t(math.dist, (1, 2), (1,)); t(math.dist, (1,), ('a',))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan), math.isclose(-math.inf, math.inf))
t(math.isclose, 1, 2, abs_tol=-1)
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, -1), math.nextafter(math.inf, 0), math.ulp(1), math.ulp(1e300), math.ulp(5e-324), math.ulp(math.inf), math.ulp(math.nan))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(-45))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([2.0**53, -0.5, -2.0**-54]), math.fsum([]), math.fsum(iter([1, 2])), math.fsum([-0.0]))
t(math.fsum, [math.inf, -math.inf]); t(math.fsum, [1e308, 1e308]); print(math.fsum([math.inf, 1]), math.fsum([math.nan, 1]), math.fsum([math.inf, math.inf]))
print(math.gamma(0.5) ** 2, math.gamma(5), math.gamma(-0.5), math.gamma(171), math.lgamma(0.5), math.lgamma(1e300), math.lgamma(-0.5), math.gamma(1e-300))
t(math.gamma, 172); t(math.gamma, 0); t(math.gamma, -2); t(math.lgamma, 0); t(math.gamma, -math.inf); print(math.gamma(math.inf), math.lgamma(-math.inf))
print(math.erf(0.5), math.erfc(0.5), math.erf(math.inf), math.erfc(-math.inf), math.erfc(30))
t(math.acos, 2); t(math.asin, -2); t(math.acosh, 0.5); t(math.atanh, 1); t(math.log1p, -1); t(math.sqrt, -1); t(math.exp, 710); t(math.cosh, 1000); t(math.sinh, -1000); t(math.expm1, 1000); t(math.exp2, 1025); t(math.sin, math.inf); t(math.cos, -math.inf); t(math.tan, math.inf)
print(math.exp(-1000), math.atan(math.inf), math.tanh(1000), math.cbrt(-27), math.exp2(-1080), math.atan2(0.0, -0.0), math.atan2(-0.0, -1), math.atan2(math.inf, math.inf))

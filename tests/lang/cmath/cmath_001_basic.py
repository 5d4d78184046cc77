import cmath
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
t(cmath.sqrt, 'a')
t(cmath.sqrt)
t(cmath.log, 5, 1)
t(cmath.log, 0)
t(cmath.log, 1, 2, 3)
t(cmath.exp, 1000)
t(cmath.atanh, 1)
t(cmath.polar, complex(1e308, 1e308))
t(cmath.rect, 1, float('inf'))
t(cmath.rect, 'a', 1)
t(cmath.phase, 'a')
t(cmath.sqrt, x=1)
t(cmath.isclose, 1, 1j, rel_tol=-1)
print(cmath.inf, cmath.infj, cmath.nan, cmath.nanj, cmath.pi, cmath.e, cmath.tau)
class A:
    def __complex__(self): return 1+2j
class B:
    def __float__(self): return 2.0
class C:
    def __index__(self): return 3
print(cmath.sqrt(A()), cmath.sqrt(B()), cmath.sqrt(C()))
t(cmath.exp, complex(float('inf'), float('inf')))
t(cmath.cos, complex(float('inf'), 0))
t(cmath.sqrt, complex(float('inf'), float('nan')))
t(cmath.log, 10, 100j)
t(cmath.log10, 0j)

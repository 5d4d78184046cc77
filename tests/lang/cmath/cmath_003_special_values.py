import cmath
inf = float('inf'); nan = float('nan')
sp = [0.0, -0.0, 1.0, -1.0, inf, -inf, nan]
for name in ['sqrt', 'exp', 'log', 'cos', 'sin', 'tan', 'cosh', 'sinh', 'tanh', 'acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh']:
    f = getattr(cmath, name)
    for a in sp:
        for b in sp:
            z = complex(a, b)
            if all(map(lambda v: v == v and abs(v) != inf, (a, b))): continue
            try: r = repr(f(z))
            except Exception as e: r = type(e).__name__
            print(name, a, b, r)
for r in [0.0, 1.0, -2.0, float('inf'), -float('inf'), float('nan')]:
    for p in [0.0, -0.0, 1.0, float('inf'), float('nan')]:
        try: print(r, p, cmath.rect(r, p))
        except Exception as e: print(r, p, type(e).__name__)
import cmath
for z in [complex(1e300, 1e-320), complex(1e308, 1e-300), complex(2, 1e-320), complex(1e300, 1e-300), complex(1e300, 1e-10), complex(1e308, 1e-320), complex(1e308, 1e-10), complex(-1e300, 1e-300), complex(1e-300, 1e300)]:
    try: print(z, cmath.phase(z))
    except Exception as e: print(z, type(e).__name__)

# complex: repr, arithmetic, parsing, methods, errors.
import math
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

inf, nan = float("inf"), float("nan")
for z in [0j, -0j, 1j, -1j, 1 + 2j, -1 - 2j, 1.5 - 0j, complex(0, 0), complex(-0.0, 0), complex(-0.0, -0.0), complex(0.0, -0.0),
          complex(inf, nan), complex(nan, inf), complex(-inf, -inf), complex(1e16, 1e-5), complex(2, 1e100), 3 + 0j]:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), abs(z) if not (math.isnan(z.real) or math.isnan(z.imag)) else "nan", bool(z), hash(z) if z == z else "-")
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** b, -a, +a, abs(a), a == 3 + 4j, a != b, a * 2, 2 * a, a + 1.5, 1.5 - a, a / 2, 2 / a)
print(1j ** 2, (1 + 1j) ** 10, (1 + 1j) ** -3, 2 ** 1j, 1j ** 0.5, (-1) ** 0.5, (-8) ** (1 / 3), 0j ** 0, (2 + 0j) ** 200)
for f in [lambda: 1j / 0, lambda: 1j / 0j, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: 0j ** (1 + 1j), lambda: 1j // 1,
          lambda: 1j % 1, lambda: divmod(1j, 1), lambda: 1j < 2j, lambda: 1j > 1, lambda: pow(1j, 2, 3), lambda: (1e200 + 1e200j) ** 2,
          lambda: abs(complex(1e308, 1e308)), lambda: abs(complex(1.7e308, 1.7e308)), lambda: complex(10 ** 400),
          lambda: 1j + 10 ** 400, lambda: (1e300j) ** 3, lambda: int(1j), lambda: float(1j), lambda: round(1j),
          lambda: 1j == 1j, lambda: 1 + 0j == 1, lambda: 1 + 0j == 1.0, lambda: 1 + 1j == 1, lambda: 2 ** 53 + 1 == complex(2 ** 53 + 1),
          lambda: 1j == "1j", lambda: (1 + 0j) in [1], lambda: hash(1 + 0j) == hash(1), lambda: hash(complex(1.5, 0)) == hash(1.5)]:
    t(f)
for s in ["1", "1j", "j", "-j", "+j", "1+j", "1-j", "1+2j", "1-2J", " (1+2j) ", "(1+2j", "1+2j)", "()", "1e3+1e-3j",
          "inf+nanj", "-infj", "nan", "1 + 2j", "1+ 2j", "", " ", "j1", "1jj", "1_0+2_0j", "1__0j", "0x1j", "+1.5e3-2.5e-3J",
          "(  3.5  )", "١+٢j", "1e", ".j", "1.j", "1+1e1j", "infinity-infinityj", "1+", "1+2", "2j+1", "\x00"]:
    t(lambda: complex(s))
for args in [(), (1,), (1, 2), (1.5, -2.5), (1j, 1j), (1 + 2j, 3 + 4j), (1, 1j), ("1", 2), (1, "2"), ([],), (1, []),
             (None,), (2 ** 1000,), (True, False)]:
    t(lambda: complex(*args))
t(lambda: complex(real=1, imag=2))
t(lambda: complex(imag=2))
t(lambda: complex(1, real=2))
t(lambda: complex(x=1))
t(lambda: complex(1, 2, 3))
class C:
    def __complex__(self):
        return 2 + 3j
class D:
    def __complex__(self):
        return 5
class E:
    def __float__(self):
        return 4.5
class I:
    def __index__(self):
        return 3
for o in [C(), D(), E(), I()]:
    t(lambda: complex(o))
class CS(complex):
    pass
z = CS(1, 2)
print(type(z).__name__, z, type(z + 1).__name__, type(+z).__name__, type(-z).__name__, type(z.conjugate()).__name__, complex(z), type(complex(z)).__name__)
for spec in ["", "10", "<20", "^20", ">20", ".2f", ".3e", "g", ".1g", "+", " ", "-", "z.2f", "#", "#.0f", ",", "_.2f",
             "010", "=20", "0<20", "x^20.2f", "d", "%", "n", ".3n"]:
    for zz in [1 + 2j, -1.5 - 0.25j, 1j, complex(-0.0, 2), complex(inf, nan), 1234567.5 + 0j]:
        try:
            print(repr(spec), repr(format(zz, spec)))
        except Exception as e:
            print(repr(spec), type(e).__name__, e)
print(complex.__getnewargs__(1 + 2j), (1 + 2j).__complex__(), (1.5 + 0j).__sizeof__())

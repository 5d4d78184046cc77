# float ** with CPython's special cases and errors.
inf = float("inf")
nan = float("nan")
def t(a, b):
    try:
        print(repr(a), repr(b), repr(a ** b))
    except Exception as e:
        print(repr(a), repr(b), type(e).__name__, e)

cases = [(2.0, 10), (2.0, -1), (2.0, 0.5), (-8.0, 1 / 3), (-2.0, 3), (-2.0, -3), (-2.0, 2), (-2.0, 0.5), (0.0, 0),
         (0.0, -1), (-0.0, -1), (0.0, -0.5), (0.0, 3), (-0.0, 3), (-0.0, 2), (-0.0, 0.5), (1.0, inf), (1.0, nan),
         (-1.0, inf), (-1.0, -inf), (0.5, inf), (0.5, -inf), (2.0, inf), (2.0, -inf), (inf, 2), (inf, -2), (-inf, 3),
         (-inf, 2), (-inf, -3), (-inf, -2), (-inf, 0.5), (nan, 0), (nan, 1), (10.0, 400),
         (10.0, -400), (-10.0, 401), (1.0000001, 1e10), (2.0, 1024), (2.0, 1023.9), (-1.0, 1e300), (-1.0, 1e300 + 1),
         (-1.5, 1e300), (1e300, 2), (-1e300, 3), (2, 0.5), (4, -0.5), (-4, 0.5), (-4, -0.5), (10, -2), (2.5, True),
         (9, 0.5), (1e-300, 2), (2 ** 1023, 2.0), (1j, 2.0)]
for a, b in cases:
    t(a, b)
print(pow(2.0, 3), pow(-2.0, 2), pow(4.0, 0.5), pow(2, 3.0))
for args in [(2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), (2.0, "a", 5)]:
    try:
        print(pow(*args))
    except TypeError as e:
        print("TypeError", e)

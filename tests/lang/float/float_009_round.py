# round() and the rounding helpers of floats.
import math
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for x in [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 1234.5678, -1234.5678, 1e16, 1e300,
          5e-324, 0.0, -0.0, 0.125, 0.375, 1e22, 123456789.987654321]:
    print(x, round(x), [round(x, n) for n in (-3, -1, 0, 1, 2, 3, 5, 15)])
for x, n in [(2.675, 2), (0.125, 2), (0.375, 2), (1.0000000000000002, 15), (1e-320, 320), (1e-320, 321), (5e-324, 323),
             (5e-324, 400), (1e300, -299), (1e300, -300), (1e300, -301), (1.7976931348623157e308, -308),
             (1.5e308, -308), (12.5, -1), (15.0, -1), (25.0, -1), (-25.0, -1), (35.0, -1), (1.23456, 10 ** 30),
             (1.23456, -(10 ** 30)), (-1.23456, -(10 ** 30)), (float("inf"), 2), (float("nan"), -2), (3.7, None)]:
    t(lambda: round(x, n))
t(lambda: round(float("inf")))
t(lambda: round(float("-inf")))
t(lambda: round(float("nan")))
t(lambda: round(1.5, 1.5))
t(lambda: round(1e300))
t(lambda: (2.5).__round__())
t(lambda: (2.5).__round__(None))
for x in [1.5, -1.5, 2.0, -0.0, 1e20, -1e20, 0.9999999999999999, -2.5e-300]:
    print(x, math.floor(x), math.ceil(x), math.trunc(x), int(x), x.__floor__(), x.__ceil__(), x.__trunc__())
t(lambda: math.floor(float("inf")))
t(lambda: math.ceil(float("nan")))
t(lambda: math.trunc(float("-inf")))

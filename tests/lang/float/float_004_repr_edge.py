# float repr/str: shortest round trip, exponent thresholds, specials.
import math
vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e15, 1e16, 1e17, 9999999999999998.0, 12345678901234567.0,
        1e-4, 1e-5, 0.00012345, 0.000012345, 1.5e-7, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
        123456.789, 100.0, 1e100, 1.0000000000000002, 0.9999999999999999, 4.35, 2.675, 1e300 * 10, -1e300 * 10,
        float("nan"), float("-nan"), 3.141592653589793, 2 ** 53 + 0.0, 2.0 ** 70, -2.5e-10, 1e-310, 123e-320]
for v in vals:
    print(repr(v), str(v), v.__repr__(), f"{v}", format(v), [v], float(repr(v)) == v or v != v)
print(math.pi, math.e, math.inf, -math.inf, math.nan, math.tau)
print(0.1 * 3, 1.1 + 2.2, 3.3 * 3, 1 - 0.9, 100 * 1.1, 0.57 * 100, 1e16 + 1, 2 ** 0.5, 10 / 3)
print(float("1e16"), float("1e-4"), float("0.0001"), float("123456789e-20"), 1e-7 * 1e7)
print([1.0, 2.5, -0.0], (0.5,), {1.5: 2.5})

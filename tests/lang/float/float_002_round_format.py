# round(), banker's rounding, string formatting of floats with every presentation type.
for v in [0.5, 1.5, 2.5, -0.5, -1.5, 3.5, 2.675, 1.005, 0.125, 0.375]:
    print(v, round(v), round(v, 1), round(v, 2))
print(round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(2.5, 0))
v = 1234.56789
for spec in ["", ".2f", ".0f", "10.3f", "<10.1f", "^12.2f", "+.3f", "e", ".3e", "E", "g", ".3g",
             ".10g", "%", ".1%", ",.2f", "_.1f", "012.3f", "#.0f", " .2f"]:
    print(repr(spec), repr(format(v, spec)))
for x in [0.0001, 0.00001, 123456789.0, 1e16, 1e-5, 0.5, 100.0, 1e100, -0.0]:
    print(repr(x), format(x, "g"), format(x, ".3g"), format(x, "e"), str(x))
print("%.2f %5.1f %-8.3f| %e %g %G" % (3.14159, 2.5, 1.0, 12345.678, 0.00001234, 1e-10))
print("{:.3f} {:8.2e} {:+g} {:%}".format(2 / 3, 12345.6789, 1.0, 0.256))
print(f"{1/7:.10f} {2**0.5:.5} {1e6:.0e} {1234.5:,.1f} {0.1:.20f}")
print(format(float("inf"), ".2f"), format(float("-inf"), "e"), format(float("nan"), "g"))
print(format(float("inf"), "10"), format(float("nan"), "^7"), format(-1.5, "010.2f"))
print(str(1e15), str(1e16), str(1.0e-4), str(1.0e-5), str(123e200))
prices = [19.99, 5.0, 120.5, 0.99]
for p in prices:
    print(f"{'item':<6}{p:>10.2f}{p * 1.2:>10.2f}")
print(f"{sum(prices):>26.2f}")

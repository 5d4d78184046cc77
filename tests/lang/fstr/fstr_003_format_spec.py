# The format-spec mini-language via format(): fill, align, sign, #, 0, width, grouping, precision, type.
for v in [0, 7, -7, 255, 123456789]:
    print(v, [format(v, s) for s in ["", "5", "<5", "^5", ">5", "=+6", "05", "+", " ", "-", "x", "#X", "b", "#o", ",", "_b", "c" if 0 <= v < 1114112 else "d", "n", "e", ".2%"]])
for v in [0.0, 1.5, -1.5, 1234.5678, 1e-7, 1e22, float("inf"), float("nan")]:
    print(v, [format(v, s) for s in ["", ".1f", "8.2f", "<8.1f", "+.2e", ".3g", "g", "G", "%", ",.1f", "08.2f", "^9.1e", "#.0f", ".0e"]])
for s in ["", "a", "hello", "a long string"]:
    print(repr(s), [format(s, spec) for spec in ["", "5", "<5", ">5", "^5", "*^7", ".3", "8.2", "-<6", "s"]])
print(format(True, ""), format(True, "^6"), format(False, "d"), format(None, ""), format([1, 2], ""), format((1,), ">8"))
print(format(12345, "010,"), format(-12345.678, "012,.2f"), format(1e6, ",.0f"), format(0.5, "5.0%"))
print(format(10 ** 25, ","), format(10 ** 25, "e"), format(2 ** 64, "x"), format(-(2 ** 70), "_"))
print(format(3.14159, ".10f"), format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
for bad in [("abc", "d"), (1.5, "d"), (5, "s"), ("x", "=5"), (5, ".2s")]:
    try:
        format(*bad)
    except ValueError as e:
        print("ValueError:", e)
print(format(65, "c"), format(0x1F600, "c"), format(8, "#b"), format(-8, "#b"), format(8, "08b"), format(255, "#010x"))
print("{:>6}|{:<6}|{:^6}|{:=6}".format(-3, -3, -3, -3))
print(format(1.0, ""), format(1.0, "g"), format(10.0, ".1g"), format(1e16, ""), format(1e16, "g"), format(123.0, ".2g"))

# float methods: hex/fromhex, as_integer_ratio, is_integer, conjugate, attributes.
def t(f):
    try:
        r = f()
        print(type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)

for x in [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 3.14159, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
          float("inf"), float("-inf"), float("nan"), 123456.789, 2.0 ** -1074, 2.0 ** 52 + 0.5]:
    print(repr(x), x.hex(), x.is_integer(), x.real, x.imag, x.conjugate(), x.__getnewargs__())
    if x == x and abs(x) != float("inf"):
        print("  ", x.as_integer_ratio(), float.fromhex(x.hex()) == x)
for s in ["0x1p0", "0x1.8p1", "-0x1.fffffffffffffp+1023", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x3p-1076", "1",
          "0x.8", "0X1P+4", "  0x10  ", "inf", "-Infinity", "nan", "+0x0p0", "-0x0p0", "0x1.00000000000008p0",
          "0x1.00000000000018p0", "0x1.000000000000081p0", "0x1p1024", "0x1.fffffffffffff8p1023", "0x1p-99999",
          "0x1p99999", "x", "0x", "0xg", "0x1p", "0x1p+", "1.5", "", "0x1.2.3", "0x1p1 x", "0x_1", "1e1",
          "0x" + "f" * 300, "0x0." + "0" * 300 + "1p1200"]:
    t(lambda: float.fromhex(s))
t(lambda: float.fromhex(5))
class FS(float):
    pass
t(lambda: FS.fromhex("0x1p1"))
t(lambda: float("inf").as_integer_ratio())
t(lambda: float("nan").as_integer_ratio())
t(lambda: (0.75).as_integer_ratio())
t(lambda: (-1e-320).as_integer_ratio()[1].bit_length())
t(lambda: float.__getformat__("double"))
t(lambda: float.__getformat__("int"))
t(lambda: (1.5).__sizeof__())
t(lambda: (2.5).__trunc__())
t(lambda: float.__add__(1.5, 2))
t(lambda: float.__radd__(1.5, 2))
t(lambda: float.__sub__(1.5, "a"))
t(lambda: (1.5).__divmod__(0.5))
t(lambda: (1.5).__rdivmod__(4))
t(lambda: (7.0).__mod__(-2))
t(lambda: (7.0).__rpow__(2))
t(lambda: (2.0).__pow__(3))
t(lambda: (2.5).__int__())
t(lambda: (2.5).__float__())
t(lambda: (2.5).__abs__())
t(lambda: (2.5).__neg__())
t(lambda: (2.5).__bool__())
t(lambda: (0.0).__bool__())
t(lambda: (2.5).__eq__(2.5))
t(lambda: (2.5).__lt__(3))
t(lambda: (2.5).__lt__("a"))
t(lambda: (2.5).__hash__() == hash(2.5))

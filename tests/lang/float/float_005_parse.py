# float() from strings, bytes and objects; error messages.
def t(*a):
    shown = tuple(x if isinstance(x, (str, bytes, bytearray, int, float, complex, list, type(None))) else type(x).__name__ for x in a)
    try:
        print(repr(shown), "->", repr(float(*a)))
    except Exception as e:
        print(repr(shown), "!", type(e).__name__, e)

for s in ["1", "1.", ".5", "-.5", "+1.5", "1e5", "1E5", "1e+5", "1e-5", "-1e-5", " 1.5 ", "\t2.5\n", "1_000.5",
          "1_0e1_0", "1__0", "_1", "1_", "1._5", "1_.5", "1e_5", "inf", "-inf", "+inf", "Infinity", "-INFINITY",
          "iNfInItY", "nan", "-nan", "NaN", "nan(1)", "infinit", "infinityy", "0x10", "1e", "1e+", "e5", ".",
          "-", "", "   ", "1 2", "1e500", "-1e500", "1e-500", "4.9e-324", "2.4e-324", "1.7976931348623159e308",
          "0.1", "3.14159265358979323846264338327950288", "١٫٥", "١.٥", "\u20031.25\u3000", "1\x00", "abc",
          "٣", "𝟏.𝟓", "12345678901234567890123456789", "0" * 500 + "1", "1" + "0" * 400, "1e-9999999999999",
          "1e9999999999999", "00000.0000001", "-0", "-0.0", "+0e0"]:
    t(s)
t(b"1.5")
t(b" -2e3 ")
t(bytearray(b"7.25"))
t(b"abc")
t(b"1_5")
t(b"\xff")
t(memoryview(b"3.5"))
t(5)
t(2 ** 100)
t(10 ** 400)
t(True)
t(None)
t([1.0])
t(1j)
t("1", "2")
try:
    float(x=1)
except TypeError as e:
    print("TypeError", e)
class F:
    def __float__(self):
        return 2.5
class G:
    def __float__(self):
        return 1
class H:
    def __index__(self):
        return 7
class J:
    def __index__(self):
        return 10 ** 400
class FS(float):
    pass
class K:
    def __float__(self):
        return FS(1.5)
for o in [F(), G(), H(), J(), K(), FS(2.0)]:
    t(o)
print(float(), type(float()), float(FS(3.5)), type(float(FS(3.5))).__name__)

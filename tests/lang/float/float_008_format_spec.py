# format() of floats: the whole mini-language.
def f(v, spec):
    try:
        print(repr(v), repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(v), repr(spec), type(e).__name__, e)

vals = [0.0, -0.0, 1.0, -1.5, 3.14159265, 1234567.891, -0.000123456, 1e16, 1e-5, 2.5, 0.5, 1e100, 123456789012.0,
        float("inf"), float("-inf"), float("nan"), 9.9999, 0.05, 1 / 3]
specs = ["", "10", "<10", "^10", ">10", "=10", "+", " ", "-", "010", "+010", "e", "E", ".2e", ".0e", "#.0e", "f", "F",
         ".2f", ".0f", "#.0f", ".10f", "g", "G", ".3g", ".10g", "#g", "#.3g", ".0g", "%", ".1%", ",", "_", ",.2f", "_.3f",
         "015,.2f", "n", ".3n", "z.2f", "z", "z.1e", "*^15.3e", "0<10", "x>12g", ".3", ".20", "#", "#.3", ",g", ",e",
         "12,.1f", "=+12.3f", "0=12.2%", "+.0%", " .3g", "-10.2f"]
for v in vals:
    for s in specs:
        f(v, s)
for s in ["d", "x", "c", "s", "b", ",n", "_n", ",_", ".", ".2.3", "10.2q", "z5d", "\u20ac", "#x"]:
    f(1.5, s)
f(1.5, ".%d" % (2 ** 31))
f(1.0, "." + "1" * 25)
print(f"{3.14159:.2f} {2.5:>8} {-0.0:z} {1e20:,.0f} {0.000001234:.3g} {12.0:g} {12.0:#g} {100.0:.0e}")
print("{:,.3f}|{:_}|{:^+12.4e}|{:<8.1%}".format(1234567.891, 12345.5, 12.5, 0.25))
print(format(1.0, ".1000f")[-5:], len(format(1e300, ".2f")), format(5e-324, ".400g")[:20], len(format(0.1, ".80f")))
class Fl(float):
    def __str__(self):
        return "Fl!"
print(format(Fl(2.5), ""), format(Fl(2.5), ".1f"), f"{Fl(2.5)}", f"{Fl(2.5):>6}")
try:
    format(1.5, 3)
except TypeError as e:
    print("TypeError", e)

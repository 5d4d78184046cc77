# str.__format__ / format(str, spec): fill, align, width, precision, and errors.
def t(s, spec):
    try:
        print(repr(format(s, spec)))
    except Exception as e:
        print(type(e).__name__, e)
for spec in ["", "s", "10", "<10", ">10", "^10", "^11", "*^9", "-<6", "é>6", "😀^7", ".2", "10.2", ">10.3s",
             "05", "010", "0<5", "x<5", "<<5", "\x00>4", "3", ".0", ".10", "^1", "^2"]:
    t("abc", spec)
    t("é中", spec)
for spec in ["d", "x", "n", "%", "+", "-", " ", "#", "=", "z", ",", "_", ",s", "_s", ",_", "_,", "5,", ".", ".s",
             "10.", "xx", "<<<", "5d", "\x01", ">10x", "99999999999999999999", ".99999999999999999999", "=5", "0=5"]:
    t("abc", spec)
print(format("x", "^0"), format("", "*>3"), format("", ""), "abc".__format__(""), "abc".__format__("^5"))
class S(str):
    pass
t(S("sub"), "d")
t(S("sub"), ">5")
print(type(format(S("sub"), "")).__name__, type(format(S("sub"), ">1")).__name__)
try:
    "x".__format__(5)
except Exception as e:
    print(type(e).__name__, e)
try:
    "x".__format__()
except Exception as e:
    print(type(e).__name__, e)
print(f"{'abc':>8}|{'abc':*<8}|{'abc':.1}|{'abc'!r:^9}|")
w, p = 10, 3
print(f"{'precision':>{w}.{p}}|{'x':{'^'}{w}}|")

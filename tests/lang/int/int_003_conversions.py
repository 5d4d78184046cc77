# int() from strings and floats, with bases, underscores, whitespace and signs.
for s in ["0", "42", "-17", "+8", "  12  ", "1_000", "\t-99\n", "007", "0000"]:
    print(repr(s), int(s))
for s, base in [("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("777", 8), ("0o777", 0),
                ("101", 2), ("0b101", 0), ("z", 36), ("Zz", 36), ("10", 3), ("-0x1a", 0), ("1_0", 0)]:
    print(s, base, int(s, base))
for x in [3.7, -3.7, 0.5, -0.5, 1e10, 2.5, -0.0]:
    print(x, int(x))
print(int(True), int(False), int(), int("  -0  "))
class Meters:
    def __init__(self, v):
        self.v = v
    def __int__(self):
        return int(self.v)
    def __index__(self):
        return int(self.v)
print(int(Meters(5.9)), [10, 20, 30, 40][Meters(2)], bin(Meters(6)), hex(Meters(255)))
print(str(10 ** 25), repr(-10 ** 5), ascii(123))
print(float(10 ** 15), float("1" * 20), int(float("1" * 20)))
print(int("1" * 60) % 97)
print((255).to_bytes(1, "big"), int("١٢٣"), int("٣"))
for s in ["12", "1e3", "abc", "1.5", "", " ", "0x10", "1__0", "_1"]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)

# format() and f-strings with ints: every presentation type and option.
def f(v, spec):
    try:
        print(repr(spec), repr(format(v, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__, e)

for v in [0, 7, -7, 255, -255, 1234567, -1234567, 2 ** 70, -(2 ** 70), True, False]:
    for spec in ["", "d", "5", "<8", ">8", "^9", "=+10", "08", "+", " ", "-", ",", "_", "010,", "012_", "x", "X", "#x",
                 "#X", "o", "#o", "b", "#b", "_b", "#_x", "_o", "#010x", "+#x", "c", "n", "e", "E", ".3e", "f",
                 ".2f", "g", "G", "%", ".1%", ",.2f", "*^12,", "0=12", "0<8", "x<8d", "€>7", "=^11_"]:
        if spec == "c" and (v < 0 or v > 0x10FFFF):
            continue
        f(v, spec)
for spec in [".2", ".2d", "z", "zd", "+c", "#c", ",c", "_c", ",x", ",b", "__", ",_", "_,", "q", "s", "dd", "\u00e9",
             ".", "1" * 25, "#n", ",n", "=", "0=", "10.1"]:
    f(5, spec)
f(0x110000, "c")
f(-1, "c")
f(65, "c")
f(0x1F600, "c")
f(65, "^5c")
print(f"{12345:,} {12345:_} {-12345:08,} {255:#06x} {1:+} {3.0:n} {100:n}")
print("{:>10} {:<10}|".format(2 ** 40, -(2 ** 40)))
print(format(10 ** 50, ","), format(-(10 ** 50), "_"), format(2 ** 100, "x"), format(2 ** 100, "_x"))
class I(int):
    def __str__(self):
        return "I!"
    def __float__(self):
        return 2.5
print(format(I(3), ""), format(I(3), "d"), format(I(3), ".1f"), f"{I(3)}", f"{I(3):>4}")
try:
    format(1, 5)
except TypeError as e:
    print("TypeError", e)
try:
    (1).__format__(5)
except TypeError as e:
    print("TypeError", e)

# The int <-> str digit limit (4300 digits by default) and conversion to other bases.
import sys
def t(f):
    try:
        r = f()
        print(repr(r) if len(repr(r)) < 80 else ("len", len(str(r)) if isinstance(r, str) else len(repr(r))))
    except Exception as e:
        print(type(e).__name__, e)

print(sys.get_int_max_str_digits())
t(lambda: int("1" * 4300))
t(lambda: int("1" * 4301))
t(lambda: int("-" + "1" * 5000))
t(lambda: int("1_" * 4300 + "1"))
t(lambda: int("1" * 4301 + "x"))
t(lambda: int("f" * 5000, 16) > 0)
t(lambda: int("1" * 5000, 2) > 0)
t(lambda: int("7" * 5000, 8) > 0)
t(lambda: int("1" * 5000, 3))
t(lambda: str(10 ** 4299))
t(lambda: str(10 ** 4300))
t(lambda: str(-(10 ** 4299)))
t(lambda: repr(10 ** 4300))
t(lambda: f"{10 ** 4300}")
t(lambda: format(10 ** 4300, "d"))
t(lambda: format(10 ** 4300, ","))
t(lambda: "%d" % 10 ** 4300)
t(lambda: len(hex(10 ** 5000)))
t(lambda: len(bin(10 ** 5000)))
t(lambda: len(oct(10 ** 5000)))
t(lambda: len(format(10 ** 5000, "x")))
sys.set_int_max_str_digits(5000)
t(lambda: len(str(10 ** 4999)))
t(lambda: str(10 ** 5000))
t(lambda: int("2" * 5000) % 1000)
t(lambda: int("2" * 5001))
sys.set_int_max_str_digits(0)
t(lambda: len(str(10 ** 20000)))
t(lambda: int("3" * 20000) % 97)
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(4300)
for v in [0, 1, -1, 255, -255, 2 ** 64, -(2 ** 64)]:
    print(hex(v), oct(v), bin(v), str(v), repr(v))

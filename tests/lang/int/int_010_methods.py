# int methods and attributes.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for v in [0, 1, -1, 5, -5, 255, 256, 2 ** 47, -(2 ** 47), 2 ** 100, -(2 ** 100) + 1, True, False]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.real, v.imag, v.numerator, v.denominator,
          v.conjugate(), type(v.conjugate()).__name__, v.__trunc__(), v.__floor__(), v.__ceil__(), v.__index__(),
          v.__int__(), v.__float__(), v.__getnewargs__(), v.__sizeof__())
for v, n in [(1234, -1), (1235, -1), (1245, -1), (-1245, -1), (15, -1), (25, -1), (-25, -1), (5, -1), (50, -2),
             (150, -2), (250, -2), (12345, 2), (12345, 0), (2 ** 70, -10), (5, 10 ** 30)]:
    t(lambda: round(v, n))
t(lambda: round(5, None))
t(lambda: round(5, 1.5))
t(lambda: (5).__round__())
t(lambda: type(round(True)))
for v, n, order, signed in [(0, 0, "big", False), (1, 1, "big", False), (255, 1, "big", False), (256, 1, "big", False),
                            (256, 2, "little", False), (-1, 1, "big", True), (-128, 1, "big", True), (-129, 1, "big", True),
                            (127, 1, "big", True), (128, 1, "big", True), (-1, 1, "big", False), (1, -1, "big", False),
                            (2 ** 64 - 1, 8, "little", False), (-(2 ** 63), 8, "big", True), (1, 3, "middle", False),
                            (-(2 ** 100), 13, "little", True), (-(2 ** 100), 12, "little", True), (0, 0, "big", True)]:
    t(lambda: v.to_bytes(n, order, signed=signed))
t(lambda: (5).to_bytes())
t(lambda: (5).to_bytes(2))
t(lambda: (5).to_bytes(length=2, byteorder="little"))
t(lambda: (5).to_bytes(2, 1))
t(lambda: (5).to_bytes(2, "big", True))
for data, order, signed in [(b"", "big", False), (b"", "big", True), (b"\x00\x01", "big", False), (b"\x00\x01", "little", False),
                            (b"\xff", "big", True), (b"\xff", "big", False), (b"\x80\x00", "big", True),
                            (b"\x00\x80", "little", True), (bytearray(b"\x01\x02"), "big", False), ([1, 2, 3], "big", False),
                            ((255, 255), "little", True), (b"\xff" * 20, "big", True), (b"\x01", "x", False)]:
    t(lambda: int.from_bytes(data, order, signed=signed))
t(lambda: int.from_bytes(b"\x01\x00"))
t(lambda: int.from_bytes(5))
t(lambda: int.from_bytes("ab"))
t(lambda: int.from_bytes(b"\x01", byteorder="little", signed=True))
class MyInt(int):
    pass
t(lambda: (type(MyInt.from_bytes(b"\x05", "big")).__name__, MyInt.from_bytes(b"\x05", "big")))
t(lambda: bool.from_bytes(b"\x01", "big"))
print(int.bit_length(5), int.conjugate(True), int.__add__(2, 3), int.__radd__(2, 3), int.__sub__(2, True))
print((7).__divmod__(2), (7).__rdivmod__(2), (7).__add__(1.5), (7).__truediv__(2), (7).__pow__(2, 5))
print((-7).__floordiv__(2), (-7).__mod__(2), (3).__lt__(4), (3).__eq__(3.0), (3).__lshift__(2), (7).__neg__())

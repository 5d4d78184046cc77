# struct.pack / unpack / calcsize over every format character and byte order.
import struct

for fmt in ["b", "B", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "P", "e", "f", "d", "?", "c", "x", "s", "p",
            "5s", "5p", "3x", "bi", "ib", "bq", "hd", "cie", "0i", "b0i", "b0q", "xxi", "10s3H", "ci?x", "q?d", "i3xh"]:
    print(fmt, struct.calcsize(fmt), struct.calcsize("<" + fmt) if not any(c in fmt for c in "nNP") else "-")
for order in "@=<>!":
    print(order, struct.pack(order + "hHiIqQ", -2, 65535, -3, 4000000000, -(2**62), 2**64 - 1).hex())
    print(order, struct.pack(order + "lL", -5, 2**32 - 1).hex())
    print(order, struct.pack(order + "efd", 1.5, -0.1, 2.0 ** -1074).hex())
    print(order, struct.pack(order + "?c3sx2p", 7, b"z", b"abcdef", b"qq").hex())
    b = struct.pack(order + "bBhHiIlLqQefd?", -128, 255, -32768, 65535, -2**31, 2**32-1, -7, 7, -2**63, 2**64-1, -65504.0, 3.25, 1e308, 0)
    print(order, len(b), struct.unpack(order + "bBhHiIlLqQefd?", b))
print(struct.pack("n", -1).hex(), struct.pack("N", 2**64 - 1).hex(), struct.unpack("nN", struct.pack("nN", -9, 9)))
print(struct.pack("P", 0x1234).hex(), struct.unpack("P", struct.pack("P", 2**63)))
print(struct.unpack("<e", b"\x00\x7c"), struct.unpack("<e", b"\x00\xfc"), struct.unpack("<e", b"\x01\x00"), struct.unpack("<e", b"\xff\x7b"))
print(struct.pack("<e", float("nan")).hex(), struct.pack("<e", 1e-8).hex(), struct.pack("<e", 65519.99).hex(), struct.pack(">e", -0.0).hex())
print(struct.pack("<e", 0.1).hex(), struct.pack("<e", 2049.0).hex(), struct.pack("<e", 2051.0).hex(), struct.pack("<e", 6e-8).hex())
print(struct.unpack("<d", struct.pack("<d", float("inf"))), struct.unpack(">f", struct.pack(">f", float("-inf"))))
print(struct.pack("f", 1e300).hex(), struct.pack("@f", 1e300).hex())
print(struct.unpack("5s", b"ab\x00cd"), struct.unpack("5p", b"\x03abcd"), struct.unpack("3p", b"\xffabc"[:3]))
print(struct.pack("3s", b"abcdef"), struct.pack("6s", b"ab"), struct.pack("3p", b"abcdef"), struct.pack("1p", b"x"), struct.pack("0s", b"x"))
print(struct.pack("300p", b"y" * 300)[:3], len(struct.pack("300p", b"y" * 300)))
print(struct.pack("s", bytearray(b"q")), struct.pack("?", []), struct.pack("?", "x"), struct.unpack("??", b"\x00\x02"))
print(struct.pack("i", True), struct.pack(b"<h", 1), struct.unpack(b">h", b"\x00\x01"))
print(struct.pack("< h  h ", 1, 2), struct.calcsize("\ti\n"))
class Idx:
    def __index__(self):
        return 258
print(struct.pack("<H", Idx()), struct.pack("<d", 3), struct.pack("<f", Idx() if False else 2))
print(struct.unpack("<I", memoryview(b"\x01\x02\x03\x04")), struct.unpack("<H", bytearray(b"\xff\x00")))
print(struct.unpack("<H", memoryview(b"xx\x01\x02yy")[2:4]))
try:
    struct.unpack("<2B", memoryview(b"a1b2")[::2])
except BufferError as e:
    print(e)
print(struct.calcsize("0s"), struct.calcsize("100x"), struct.calcsize("@c0l"), struct.calcsize("@2?0d"))
print(struct.pack(">q", -1).hex(), struct.pack(">Q", 2**63).hex(), struct.unpack(">q", b"\x80" + b"\x00" * 7))
print(struct.unpack("<4s", struct.pack("<4s", "é".encode())), struct.pack("<b", -1).hex())

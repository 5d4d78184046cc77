# struct.Struct, pack_into / unpack_from / iter_unpack with bytes, bytearray, memoryview and array.
import struct
from array import array

s = struct.Struct("<hI")
print(s.format, s.size, type(s).__name__, isinstance(s, struct.Struct))
b = s.pack(-2, 7)
print(b, s.unpack(b), s.unpack_from(b"xx" + b, 2), s.unpack_from(buffer=b))
buf = bytearray(12)
s.pack_into(buf, 0, 1, 2)
s.pack_into(buf, 6, 3, 4)
print(buf, s.unpack_from(buf, 6), s.unpack_from(buf, offset=-6))
struct.pack_into("<2s", buf, -2, b"zz")
print(buf)
mv = memoryview(buf)
s.pack_into(mv, 0, 9, 9)
print(buf[:6], s.unpack_from(mv))
print(list(s.iter_unpack(bytes(buf))), list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
it = struct.iter_unpack("b", b"\x01\x02\x03")
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
a = array("i", [0, 0])
struct.pack_into("<ii", a, 0, 5, -6)
print(a, struct.unpack("<ii", a), struct.unpack_from("<i", a, 4))
s2 = struct.Struct(b">Q")
print(s2.format, s2.pack(2**64 - 1), s2.size)
bs = struct.Struct("")
print(bs.size, bs.pack(), bs.unpack(b""))
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(s.pack, 1)
t(s.unpack, b"abc")
t(s.unpack_from, b"abc", 1)
t(s.pack_into, bytes(6), 0, 1, 2)
t(s.pack_into, bytearray(6), 1, 1, 2)
t(s.iter_unpack, b"1234567")
t(bs.iter_unpack, b"")
t(struct.Struct, "z")
t(struct.Struct)
print(struct.Struct(format="<i").format)
t(s.pack_into, memoryview(b"123456"), 0, 1, 2)
t(s.unpack_from, b"123456", "x")
t(struct.unpack_from, "<h", b"12", offset=-3)
t(struct.calcsize, 5)
t(struct.pack, "<h")
t(s.pack, 1, 2, 3)
class MyStruct(struct.Struct):
    pass
m = MyStruct("<B")
print(type(m).__name__, m.pack(255), m.size)
print(issubclass(struct.error, Exception), struct.error.__name__, struct.error.__module__)
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("caught", e, e.args)
print(struct.Struct("3s").unpack(memoryview(b"abc")), struct.pack("<i", -1) == b"\xff" * 4)

# hex/fromhex, translate/maketrans, decode/encode round trips.
data = bytes(range(0, 256, 17))
print(data.hex(), data.hex(":"), data.hex("-", 2), data.hex(" ", -3), data.hex(b"|", 4), data.hex(sep="_", bytes_per_sep=-1))
print(b"".hex(), b"".hex(":"), b"\x00".hex(":", 5), b"abcdef".hex(":", 2), b"abcdef".hex(":", -2), b"abcde".hex(":", 2), b"abcde".hex(":", -2))
print(bytearray(b"\xde\xad\xbe\xef").hex())
for h in ["", "00", "0a0B", "  de ad\tbe\nef  ", "FFff", "1 2 3 4".replace(" ", ""), "7f 80"]:
    print(repr(h), bytes.fromhex(h), bytearray.fromhex(h))
print(bytes.fromhex(data.hex()) == data, type(bytearray.fromhex("41")).__name__)
class MyBytes(bytes):
    pass
class MyBA(bytearray):
    pass
print(type(MyBytes.fromhex("4142")).__name__, MyBytes.fromhex("4142"), type(MyBA.fromhex("43")).__name__, MyBA.fromhex("43"))
table = bytes.maketrans(b"abc", b"xyz")
print(len(table), table[97:100], b"aabbccdd".translate(table), b"abcabc".translate(table, b"b"), b"abc".translate(None, b"ac"))
print(b"hello".translate(None), bytearray(b"hello").translate(table, b"l"), b"x".translate(bytearray(range(256))))
print(bytes.maketrans(b"", b"") == bytes(range(256)), bytearray.maketrans(b"a", b"b")[97], bytes.maketrans(bytearray(b"q"), b"r")[113])
rot13 = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", b"NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
msg = b"Hello, World!"
print(msg.translate(rot13), msg.translate(rot13).translate(rot13) == msg)
for s in ["plain", "caf\xe9", "\u4e2d\u6587", "\U0001f600", "mixed \xe9\u4e2d\U0001f600"]:
    for enc in ["utf-8", "utf-16-le", "utf-32-be", "latin-1"]:
        try:
            b = s.encode(enc)
            print(enc, b, b.decode(enc) == s, bytearray(b).decode(enc) == s, len(b))
        except UnicodeEncodeError as e:
            print(enc, "UnicodeEncodeError", e.start, e.end)
print(b"abc".decode(encoding="ascii"), b"a\xffb".decode("ascii", errors="replace"), bytearray(b"\xc3\xa9").decode())
print(bytes("abc", "ascii"), bytes("\xe9", encoding="latin-1"), bytes("\xe9", "ascii", "replace"), bytes(source="x", encoding="utf-8"))

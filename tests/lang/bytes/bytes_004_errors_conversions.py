# bytes conversion errors and edge cases.
tests = [
    lambda: bytes("abc"),
    lambda: bytes([256]),
    lambda: bytes([-1]),
    lambda: b"abc" + "def",
    lambda: b"\xff".decode("utf-8"),
    lambda: "é".encode("ascii"),
    lambda: bytes.fromhex("zz"),
    lambda: b"abc".index(b"z"),
    lambda: b"a"[5],
    lambda: bytes(-1),
]
for t in tests:
    try:
        print("ok", t())
    except Exception as e:
        print(type(e).__name__, "-", e)
print(bytes(b"copy"), bytes(bytearray(b"ba")), bytes((1, 2)), bytes(x for x in range(3)))
print(str(b"abc", "ascii"), str(bytearray(b"xyz"), "utf-8"), b"abc".decode("ascii", "strict"))
print(b"\xff\xfe".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "replace"), b"a\xffb".decode("latin-1"))
print(b"".join([]), b"".split(), b"abc"[3:], b"abc"[-10:10], bytes(0) == b"")
print(b"abc".split(b""[:0] or b"b"), b"1,2,,3".split(b","), b"x".isupper(), b"X".isupper())

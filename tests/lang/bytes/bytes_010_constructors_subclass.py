# bytes()/bytearray() constructors, conversions, hashing, iteration, comparisons and subclasses.
class WithBytes:
    def __bytes__(self):
        return b"from __bytes__"
class BadBytes:
    def __bytes__(self):
        return "not bytes"
class Idx:
    def __index__(self):
        return 3
class It:
    def __iter__(self):
        return iter([1, 2, 3])
class Seq:
    def __getitem__(self, i):
        if i < 3:
            return 65 + i
        raise IndexError(i)
tests = [lambda: bytes(), lambda: bytes(0), lambda: bytes(3), lambda: bytes(Idx()), lambda: bytes([1, 2]), lambda: bytes((255,)),
         lambda: bytes(range(3)), lambda: bytes(It()), lambda: bytes(Seq()), lambda: bytes(WithBytes()), lambda: bytes(BadBytes()),
         lambda: bytes(b"x"), lambda: bytes(bytearray(b"y")), lambda: bytes("s", "ascii"),
         lambda: bytes("s"), lambda: bytes("s", errors="strict"), lambda: bytes(1, "ascii"), lambda: bytes(b"x", "ascii"),
         lambda: bytes(errors="x"), lambda: bytes(encoding="x"), lambda: bytes(1.5), lambda: bytes(None), lambda: bytes(object()),
         lambda: bytes([1, "a"]), lambda: bytes([1.5]), lambda: bytes([-1]), lambda: bytes([256]), lambda: bytes(-1),
         lambda: bytes(x=1), lambda: bytes(1, 2, 3, 4), lambda: bytes("a", 1), lambda: bytes("a", "ascii", 1),
         lambda: bytes(source=b"kw"), lambda: bytes(b"a", source=b"b"), lambda: bytes([True, False]),
         lambda: bytearray(), lambda: bytearray(2), lambda: bytearray(Idx()), lambda: bytearray([1, 2]), lambda: bytearray(It()),
         lambda: bytearray(Seq()), lambda: bytearray(WithBytes()), lambda: bytearray(b"x"), 
         lambda: bytearray("s", "utf-8"), lambda: bytearray("s"), lambda: bytearray(1.5), lambda: bytearray(None),
         lambda: bytearray([256]), lambda: bytearray(-1), lambda: bytearray(x=1), lambda: bytearray([1, 2], "x"),
         lambda: bytearray("a", "utf-8", 1), lambda: bytearray(1, 2, 3, 4), lambda: bytearray(errors="strict")]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
print(hash(b"abc") == hash(b"abc"), hash(b"") == hash(bytes()), {b"a": 1, b"b": 2}[b"b"], b"a" in {b"a", b"c"})
print(b"abc" == b"abc", b"abc" != b"abd", b"a" < b"b", b"ab" < b"abc", b"b" > b"abc", b"" < b"\x00", b"\xff" > b"\x7f")
print(b"a" == "a", b"a" == bytearray(b"a"), bytearray(b"a") == b"a", b"a" == 97, [b"x"] == [bytearray(b"x")])
print(sorted([b"b", b"a", b"", b"ab", b"\xff", b"B"]), max(b"hello"), min(b"hello"), sum(b"\x01\x02"), list(reversed(b"abc")))
it = iter(b"ab")
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), next(it), next(it, "end"))
class MyBytes(bytes):
    def shout(self):
        return self.upper()
m = MyBytes(b"sub")
print(m, repr(m), type(m).__name__, m.shout(), type(m.shout()).__name__, len(m), m[0], m[1:], type(m[1:]).__name__, m == b"sub",
      hash(m) == hash(b"sub"), isinstance(m, bytes), type(bytes(m)).__name__, type(m + b"x").__name__, type(m * 2).__name__)
class Tagged(bytes):
    def __new__(cls, data, tag):
        obj = super().__new__(cls, data)
        obj.tag = tag
        return obj
t = Tagged(b"data", "T")
print(t, t.tag, t.decode(), t.__getnewargs__(), bytes.__new__(MyBytes, 2), type(bytes.__new__(MyBytes, b"q")).__name__)
try:
    bytes.__new__(int)
except TypeError as e:
    print("TypeError", e)
print(b"x".__bytes__(), type(m.__bytes__()).__name__, bytes(m) == m, b"abc".__getnewargs__())
print(b"%s" % b"a" * 2, b"ab" * 0, b"ab" * -1, 3 * b"ab", b"a" + b"", b"" + b"", len(b"x" * 1000))
print(str(b"abc"), str(bytearray(b"abc")), repr(bytearray(b"it's")), repr(b"\"'"), repr(b'"'), repr(bytes(range(0x7c, 0x82))))

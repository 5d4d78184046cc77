# bytes and bytearray errors, word for word.
calls = [
    lambda: b"a".find("a"), lambda: b"a".find(256), lambda: b"a".find(-1), lambda: b"a".count("a"), lambda: b"a".index(b"z"),
    lambda: b"a".rindex(98), lambda: b"a".startswith("a"), lambda: b"a".startswith(("a",)), lambda: b"a".endswith(1),
    lambda: b"a".split("a"), lambda: b"a".split(b""), lambda: b"a".rsplit(b""), lambda: b"-".join(["a"]), lambda: b"-".join(1),
    lambda: b"-".join([b"a", 2]), lambda: b"a".strip("a"), lambda: b"a".replace("a", "b"), lambda: b"a".replace(b"a"),
    lambda: b"a".center(5, "a"), lambda: b"a".center(5, b"ab"), lambda: b"a".center(), lambda: b"a".ljust("x"),
    lambda: b"a".partition("a"), lambda: b"a".partition(b""), lambda: b"a".upper(1), lambda: bytearray(b"a").upper(1),
    lambda: b"a".zfill(), lambda: b"a".removeprefix("a"), lambda: b"a".decode("ascii", 1), lambda: b"a".decode(1),
    lambda: b"a".decode("bogus"), lambda: b"\xff".decode(), lambda: b"\xff".decode("ascii"), lambda: b"a".decode(x=1),
    lambda: b"abc".translate(b"x"), lambda: b"abc".translate("x" * 256), lambda: bytes.maketrans(b"a", b"bc"),
    lambda: bytes.maketrans("a", "b"), lambda: bytes.maketrans(b"a"), lambda: b"a" + 1, lambda: b"a" + "b",
    lambda: bytearray(b"a") + "b", lambda: "b" + b"a", lambda: b"a" * "x", lambda: b"a" * 1.5, lambda: b"a" * 2 ** 63,
    lambda: b"a"[1.5], lambda: b"a"[5], lambda: b"a"[-2], lambda: bytearray(b"a")[5], lambda: bytearray(b"a")["x"],
    lambda: b"ab" < "ab", lambda: bytearray(b"a") < "a", lambda: "a" in b"abc", lambda: 300 in b"abc", lambda: None in b"a",
    lambda: 1.5 in bytearray(b"a"), lambda: b"a".hex("::"), lambda: b"a".hex(1), lambda: b"a".hex("\xe9"), lambda: b"a".hex(":", "x"),
    lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("a"), lambda: bytes.fromhex("1 2"), lambda: bytes.fromhex(1),
    lambda: bytes.fromhex("0g"), lambda: bytes.fromhex("\xe9"), lambda: bytearray.fromhex("12 3"),
    lambda: bytearray(b"a").append(256), lambda: bytearray(b"a").append("a"), lambda: bytearray(b"a").append(b"a"),
    lambda: bytearray(b"a").pop(5), lambda: bytearray().pop(), lambda: bytearray(b"a").pop(1, 2), lambda: bytearray(b"a").remove(5),
    lambda: bytearray(b"a").remove(300), lambda: bytearray(b"a").insert(0, 300), lambda: bytearray(b"a").insert(0),
    lambda: bytearray(b"a").insert("0", 1), lambda: bytearray(b"a").extend(1), lambda: bytearray(b"a").extend("ab"),
    lambda: bytearray(b"a").extend([1, 300]), lambda: bytearray(b"a").extend([None]), lambda: hash(bytearray()),
    lambda: {bytearray(): 1}, lambda: b"a"[0:1:0], lambda: bytearray(b"a").clear(1), lambda: bytearray(b"a").reverse(1),
]
for c in calls:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__, e)
def setitem(ba, key, value):
    try:
        ba[key] = value
        print(ba)
    except Exception as e:
        print(type(e).__name__, e)
def delitem(ba, key):
    try:
        del ba[key]
        print(ba)
    except Exception as e:
        print(type(e).__name__, e)
x = bytearray(b"abc")
setitem(x, 0, b"x")
setitem(x, 0, 256)
setitem(x, 0, -1)
setitem(x, 5, 1)
setitem(x, -4, 1)
setitem(x, "0", 1)
setitem(x, slice(0, 3, 2), b"x")
setitem(x, slice(0, 3, 2), b"xyz")
setitem(x, slice(0, 1), 5)
setitem(x, slice(0, 1), "x")
setitem(x, slice(0, 1), [256])
setitem(x, slice(0, 1), [None])
setitem(x, slice(0, 1), None)
setitem(x, slice(0, 1), 1.5)
delitem(x, 5)
delitem(x, "a")
delitem(x, slice(None, None, 0))
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del b"abc"[0]
except TypeError as e:
    print("TypeError", e)

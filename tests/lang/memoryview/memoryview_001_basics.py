# memoryview over bytes and bytearray: attributes, indexing, slicing, tobytes/tolist/hex.
def t(f, *a):
    try:
        r = f(*a)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

b = b"hello world"
m = memoryview(b)
print(type(m).__name__, len(m), m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides)
print(m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous, m.obj is b)
print(m[0], m[-1], m[4])
print(m[1:4].tobytes(), bytes(m[::2]), m[::-1].tobytes(), m[2:9:3].tolist())
print(m.tolist()[:5], m.hex(), m.hex(':'), m.hex('-', 2), m[:4].hex(' ', -3))
s = m[2:8]
print(len(s), s.nbytes, s.shape, s.strides, s.obj is b, s[0], s[-1], s.tobytes())
s2 = s[::2]
print(s2.tobytes(), s2.strides, s2.c_contiguous, s2.contiguous, s2[1])
t(lambda: m[11])
t(lambda: m[-12])
t(lambda: m["a"])
t(lambda: m[1.5])
t(lambda: m.__setitem__(0, 1))
print(m == b, m == b"hello", m == m, m != b, m == bytearray(b), m == "hello world", m == [104])
print(hash(m) == hash(b), hash(m[1:3]) == hash(b"el"))
print(list(m[:3]), [x for x in m[8:]], 108 in m, 300 in m)

ba = bytearray(b"abcdef")
mb = memoryview(ba)
print(mb.readonly, mb.tobytes(), mb.obj is ba)
mb[0] = 65
mb[1:3] = b"BC"
mb[-1] = 0x46
print(ba)
mb[::2] = b"xyz"
print(ba)
t(lambda: mb.__setitem__(0, 256))
t(lambda: mb.__setitem__(0, -1))
t(lambda: mb.__setitem__(0, "a"))
t(lambda: mb.__setitem__(0, 1.0))
t(lambda: mb.__setitem__(slice(0, 2), b"abc"))
t(lambda: mb.__setitem__(slice(0, 2), 5))
t(lambda: mb.__setitem__(9, 1))
t(lambda: mb.__delitem__(0))
t(lambda: hash(mb))
mb[2:4] = memoryview(b"QR")
print(ba, mb[2:4] == b"QR")
# a view of a view
v = mb[1:5]
vv = v[1:3]
vv[0] = ord("!")
print(ba, vv.obj is ba, v.tobytes(), memoryview(v).tobytes())
print(m.tobytes("C"), m.tobytes("F")[:3], m.tobytes("A")[:3])
t(m.tobytes, "X")
print(bytes(memoryview(b"")), memoryview(b"").tolist(), memoryview(b"").hex(), len(memoryview(b"")))
print(memoryview(b"abc").toreadonly().readonly, memoryview(bytearray(b"x")).toreadonly().readonly)
t(memoryview, 1)
t(memoryview, "abc")
t(memoryview, [1, 2])
t(memoryview)
print(memoryview(object=b"kw").tobytes())
print(repr(m).startswith("<memory at 0x"), repr(m)[-1])
print(str(m) == repr(m))
print(bytearray(m[:5]), b"-".join([m[:2], m[3:5]]), b"xx" + m[:2] if False else "skip")

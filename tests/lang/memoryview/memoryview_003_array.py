# memoryview over array.array: typed items, casts, writes through, exports blocking resizes.
from array import array
def t(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

a = array("i", [1, -2, 3, 400000])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.shape, m.strides, m.readonly, m.obj is a)
print(m[0], m[-1], m[1:3].tolist(), m.tolist(), m[::-1].tolist())
m[0] = 10
m[1:3] = array("i", [20, 30])
print(a)
t(m.__setitem__, 0, 2**31)
t(m.__setitem__, 0, 1.5)
t(m.__setitem__, slice(0, 2), array("h", [1, 2]))
t(m.__setitem__, slice(0, 2), b"12345678")
t(a.append, 5)
t(a.extend, [1])
t(a.pop)
t(a.__delitem__, 0)
t(a.frombytes, b"1234")
a[0] = 11
print(a, m[0])
b = m.cast("B")
print(len(b), b[:4].tolist(), b.format)
m.release()
t(a.append, 5)
b.release()
a.append(5)
print(a)
d = array("d", [1.5, -0.25])
md = memoryview(d)
print(md.format, md.tolist(), md == array("d", [1.5, -0.25]), md == [1.5, -0.25], md.tobytes() == d.tobytes())
md[1] = 7
print(d, md.cast("B").cast("d").tolist())
t(md.__setitem__, 0, "x")
print(bytes(memoryview(array("B", [65, 66]))), bytearray(memoryview(array("h", [1]))), memoryview(array("b", [-1])).tolist())
q = array("Q", [2**64 - 1])
print(memoryview(q)[0], memoryview(array("L", [7])).format, memoryview(array("f", [0.5])).tolist())
print(memoryview(array("i", [1, 2])) == memoryview(array("i", [1, 2])), memoryview(array("i", [1, 2])) == memoryview(array("l", [1, 2])),
      memoryview(array("b", [1, 2])) == b"\x01\x02", memoryview(array("h", [1])) == b"\x01\x00")
t(hash, memoryview(array("b", [1])))
with memoryview(array("i", [9])) as w:
    print(w[0])
u = array("u", "ab")
mu = memoryview(u)
print(mu.format, mu.itemsize, len(mu))
t(mu.tolist)
t(lambda: mu[0])
print(bytes(mu) == u.tobytes())
mu.release()
a2 = array("i", [1, 2, 3])
def view_then_drop():
    v = memoryview(a2)
    return v[1]
print(view_then_drop())
a2.append(4)
print(a2)

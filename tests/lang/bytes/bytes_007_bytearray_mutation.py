# bytearray mutation: item/slice assignment and deletion, in-place operators, methods.
ba = bytearray(b"0123456789")
ba[0] = 65
ba[-1] = 90
print(ba)
ba[2:5] = b"xy"
print(ba, len(ba))
ba[2:2] = bytearray(b"INS")
print(ba)
ba[:3] = []
print(ba)
ba[1:3] = [97, 98, 99, 100]
print(ba)
ba[::2] = b"-" * len(ba[::2])
print(ba)
ba[::-3] = bytes(len(ba[::-3]))
print(ba)
del ba[0]
del ba[-1]
print(ba)
del ba[::2]
print(ba)
del ba[1:3]
print(ba)
del ba[:]
print(ba, len(ba))
b2 = bytearray(b"abcdef")
b2[1:4] = b2
print(b2)
b2[:] = b"reset"
b2[10:20] = b"!"
b2[-100:1] = b"R"
print(b2)
b2[3:1] = b"<>"
print(b2)
del b2[5:2]
del b2[::-2]
print(b2)
c = bytearray(b"ab")
d = c
c += b"cd"
c += bytearray(b"ef")
c += b"gh"
print(c, d is c)
c *= 2
print(c, d is c, len(c))
c *= 0
print(c, d is c)
e = bytearray(b"xy")
print(e + b"z", b"z" + e, e * 3, 2 * e, type(b"z" + e).__name__, e == b"xy", b"xy" == e, e < b"xz", e >= bytearray(b"xy"))
f = bytearray()
for i in range(300):
    f.append(i % 256)
print(len(f), f[-1], f[255], f.count(0), f.__alloc__() >= len(f))
f.extend(range(5))
f.extend(b"!!")
f.extend(bytearray(b"??"))
f.extend(iter([1, 2]))
f.extend(x for x in (7, 8))
print(len(f), f[-12:])
f.insert(0, 1)
f.insert(-1, 2)
f.insert(1000, 3)
f.insert(-1000, 4)
print(f[:4], f[-4:], f.pop(), f.pop(0), f.pop(-2), len(f))
f.remove(255)
f.reverse()
print(f[:6], f.index(254), 255 in f, f.copy() == f, f.copy() is f)
f.clear()
print(f, len(f))
g = bytearray(b"hello")
for i, ch in enumerate(g):
    if ch == ord("l"):
        g[i] = ord("L")
print(g, list(g), bytes(g), g.decode(), g.hex())
it = iter(g)
next(it)
g[1:] = b"E"
print(list(it), g)
class BA(bytearray):
    pass
sub = BA(b"sub")
sub.append(33)
sub.attr = 1
print(sub, repr(sub), type(sub + b"x").__name__, type(sub.upper()).__name__, sub == b"sub!", sub.attr, len(sub))
h = bytearray(5)
h.__init__(b"re-init")
print(h, bytearray(range(4)), bytearray([]), bytearray(b""), bytearray("é", "utf-8"), bytearray(3), bytearray(iter(b"it")))

# bytearray: a mutable bytes sequence.
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3])
ba[0] = ord("J")
print(ba)
ba.append(33)
ba.extend(b" world")
print(ba)
ba[1:5] = b"ELLO"
print(ba)
del ba[0]
print(ba)
ba.insert(0, 74)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("E"))
print(ba, ba.find(b"wor"), ba.count(b"o"), ba.index(b"L"))
ba.reverse()
print(ba)
print(bytearray(3), bytearray([1, 2, 3]), bytearray(b"ab") + b"cd", bytearray(b"ab") * 2)
buf = bytearray()
for i in range(10):
    buf += bytes([i * 25])
print(buf, buf.hex(), bytes(buf))
b2 = bytearray(b"abc")
b2[0:1] = b"XYZ"
print(b2, len(b2))
b2[::2] = b"123"
print(b2)
print(bytearray(b"  x ").strip(), bytearray(b"a,b").split(b","), bytearray(b"abc").upper())
print(bytearray(b"abc") == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"z") > b"a")
ba3 = bytearray(b"xyz")
ba3.clear()
print(ba3, len(ba3), bytearray(b"q").copy())
try:
    bytearray(b"a")[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    b"abc"[0] = 1
except TypeError as e:
    print("TypeError:", e)
print(bytearray(b"hello").decode(), bytearray("héllo", "utf-8"), bytes(bytearray(b"\x01\x02")))
print(list(bytearray(b"AZ")), [chr(c) for c in bytearray(b"hi!")])

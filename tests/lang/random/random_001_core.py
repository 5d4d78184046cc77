# Seeded Mersenne Twister sequences must equal CPython's bit for bit.
import random

random.seed(42)
print([random.random() for _ in range(5)])
print([random.getrandbits(k) for k in (0, 1, 7, 31, 32, 33, 63, 64, 65, 100, 200)])
print(random.randbytes(9))
for s in [0, 1, -1, 5, -5, 2**32, 2**32 - 1, 2**64 + 7, -(2**100), 12345678901234567890]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(40))
for s in ['', 'hello', 'héllo ☃', b'', b'hello', bytearray(b'xyz'), 3.5, -1.5, 0.0, 1e300]:
    random.seed(s)
    print(repr(s), random.random())
for s in ['abc', b'abc', '']:
    random.seed(s, version=1)
    print('v1', repr(s), random.random())
r = random.Random(2024)
st = r.getstate()
print(st[0], len(st[1]), st[1][-1], st[2])
a = [r.random() for _ in range(3)]
r.setstate(st)
print(a == [r.random() for _ in range(3)])
r2 = random.Random()
r2.setstate(st)
print(r2.random() == a[0])
# a long run crosses several twists of the state
r = random.Random(7)
x = 0
for i in range(5000):
    x ^= r.getrandbits(32)
print(x, r.random())

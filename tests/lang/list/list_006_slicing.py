# Slicing: reads, assignment, deletion, extended slices and their errors.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[2:5:-1], a[::100], a[::-100])
print(a[True:3], a[None:None:None])
b = a[:]
b[2:5] = ['x']
print(b)
b[:0] = [1, 2]
print(b)
b[len(b):] = (7, 8)
print(b)
b[3:3] = 'ab'
print(b)
b[5:1] = [0]
print(b)
b[:] = []
print(b)
c = list(range(10))
c[::2] = 'abcde'
print(c)
c[1::2] = [None] * 5
print(c)
c[::-3] = [1, 2, 3, 4]
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    c[::3] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    c[1:2] = 5
except TypeError as e:
    print("TypeError:", e)
d = list(range(12))
del d[::3]
print(d)
del d[::-2]
print(d)
del d[1:3]
print(d)
del d[:]
print(d)
e = list(range(8))
del e[-2]
print(e)
try:
    del e[20]
except IndexError as ex:
    print("IndexError:", ex)
try:
    e[20] = 1
except IndexError as ex:
    print("IndexError:", ex)
try:
    e[1:2:0]
except ValueError as ex:
    print("ValueError:", ex)
try:
    e['a':]
except TypeError as ex:
    print("TypeError:", ex)
try:
    e[1.5]
except TypeError as ex:
    print("TypeError:", ex)
try:
    e[10**30]
except IndexError as ex:
    print("IndexError:", ex)
print(e[-10**30:10**30], e[10**30:], e[:-10**30])
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(e[Idx(2)], e[Idx(1):Idx(4)], e[::Idx(-2)])
f = [1, 2, 3]
f[1:2] = f
print(f)
g = [1, 2, 3]
g[::2] = g[::-2]
print(g)
s = slice(1, None, 2)
print(list(range(10))[s], s.indices(10), slice(None).indices(5), slice(-3, None, -1).indices(7))
print(slice(10**20, -10**20, -3).indices(5))

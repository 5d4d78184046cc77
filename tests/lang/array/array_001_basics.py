# array.array: construction, items, methods, slicing, operators and repr for every typecode.
from array import array, typecodes, ArrayType
print(typecodes, ArrayType is array, array.__name__ if False else "skip")
for tc in typecodes:
    a = array(tc)
    vals = "abc" if tc == "u" else ([1.5, -2.25, 3.0] if tc in "fd" else [1, 2, 3])
    a = array(tc, vals)
    print(tc, a.itemsize, a.typecode, len(a), a, a.tolist(), a[0], a[-1], list(a), repr(a[1:]))
    print(" ", array(tc) == array(tc), a == array(tc, vals), a.tobytes() == array(tc, a.tobytes()).tobytes())
a = array("i", range(10))
print(a[2:5], a[::3], a[::-2], a[8:2:-2], a[100:], a[-3:])
a[2:5] = array("i", [-1])
print(a, len(a))
a[::2] = array("i", [0] * len(a[::2]))
print(a)
del a[1]
del a[::3]
print(a)
del a[1:3]
print(a)
a.append(5); a.extend([6, 7]); a.extend(array("i", [8])); a.insert(0, -9); a.insert(-1, 42); a.insert(100, 43)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
a.remove(8)
print(a, a.count(0), a.count(99), a.index(6), a.index(0, 1), 6 in a, 99 in a, 6.0 in a)
a.reverse()
print(a)
b = array("h", [1, 258, -2])
b.byteswap()
print(b, b.tobytes())
b.frombytes(b"\x01\x00")
print(b)
b.fromlist([7, 8])
print(b, b.buffer_info()[1], type(b.buffer_info()[0]).__name__)
u = array("u", "hé")
u.fromunicode("€x")
print(u, u.tounicode(), u[2], len(u), u.tobytes() == "hé€x".encode("utf-32-le"))
print(array("d", [1.0]) + array("d", [2.5]), array("b", [1, 2]) * 2, 3 * array("b", [7]), array("b", [1]) * 0, array("b", [1]) * -1)
c = array("l", [1, 2])
c += array("l", [3])
c *= 2
print(c)
print(array("i", [1, 2]) < array("i", [1, 3]), array("i", [1, 2]) < array("i", [1, 2, 0]), array("i", [2]) > array("d", [1.5]),
      array("i", [1, 2]) == array("d", [1.0, 2.0]), array("i") <= array("i"), array("f", [float("nan")]) == array("f", [float("nan")]))
print(array("B", b"abc"), array("b", bytearray(b"\x80")), array("i", array("i", [4, 5])), array("d", array("i", [1, 2])),
      array("i", (x * x for x in range(4))), array("H", iter([1, 2])))
print(array("f", [0.1])[0], array("d", [0.1])[0], array("f", [1e40])[0], array("f", [True, 3])[1])
print(array("Q", [2**64 - 1]), array("q", [-2**63]), array("L", [2**64 - 1]), array("I", [2**32 - 1]), array("l", [-2**63]))
import copy
d = array("i", [1, 2, 3])
e = copy.copy(d)
f = copy.deepcopy(d)
e[0] = 9
print(d, e, f)
print(str(array("i", [1])), array("u"), array("d"))
class MyArray(array):
    pass
m = MyArray("i", [1, 2])
print(m, type(m).__name__, isinstance(m, array), m + array("i", [3]), type(m[0:1]).__name__, m.tolist())
it = iter(array("b", [1, 2, 3]))
print(type(it).__name__, next(it), list(it), list(it))
print(sum(array("i", range(100))), max(array("d", [1.5, 0.5])), sorted(array("b", [3, 1, 2])))

# slice objects: attributes, repr, equality, indices, hashing.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), slice('a', [1], None))
print(s == slice(1, 10, 2), s != slice(1, 10), slice(1, 2) < slice(1, 3), slice(1, 2) <= slice(1, 2), s == (1, 10, 2))
print(s.indices(5), s.indices(100), slice(None, None, -1).indices(4), slice(-100, 100).indices(3), slice(3, 1, -1).indices(10))
print(slice(-1, -5, -2).indices(3), slice(2**70).indices(5), slice(None, None, 2**70).indices(5))
def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
err(lambda: slice())
err(lambda: slice(1, 2, 3, 4))
err(lambda: slice(x=1))
err(lambda: hash(slice(1)))
err(lambda: slice(1).indices(-1))
err(lambda: slice(1, 2, 0).indices(5))
err(lambda: slice('a').indices(5))
err(lambda: slice(1).indices('a'))
err(lambda: [1, 2, 3][slice(None, 'x')])
class I:
    def __index__(self):
        return 2
print(slice(I()).indices(10), [0, 1, 2, 3][slice(I(), None)], (0, 1, 2, 3)[I():], 'abcd'[slice(1, 3)])
print([0, 1, 2, 3, 4][::-1], [0, 1, 2][slice(None, None, -1)], list(range(10))[slice(8, 2, -3)])
d = {}
try:
    d[slice(1)] = 1
except TypeError as e:
    print("TypeError:", e)
print(slice.__hash__)

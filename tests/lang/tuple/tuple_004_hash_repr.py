# Tuple hashes match CPython's xxHash-based tuplehash; reprs incl. nesting.
print(hash(()), hash((1,)), hash((1, 2)), hash((1, 2, 3)), hash((-1,)), hash((0, 0)))
print(hash((1.5, 2.5)), hash(((1, 2), (3, 4))), hash((True, False, None is None)), hash((2**70, -2**70)))
print(hash((frozenset({1, 2}),)), hash((1, (2, (3, (4,))))))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((1,)) != hash((1, 1)))
print((), (1,), (1, 2), ((),), ((1,),), (None, ..., 'a', b'b', 1.0, -0.0, [1]), ('q"', "a'"))
l = [1]
t = (l,)
l.append(t)
print(t, l)
print(str((1, 'a')), repr(('x',)))
d = {(1, 2): 'a', (1, (2, 3)): 'b'}
print(d[(1, 2)], d[1, (2, 3)], (1, 2) in d)
s = {(1, 2), (2, 1), (1, 2)}
print(len(s))
deep = ()
for i in range(50):
    deep = (deep, i)
print(hash(deep) == hash(deep), len(repr(deep)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
class H:
    def __hash__(self):
        return -1
print(hash((H(),)) == hash((-2,)))

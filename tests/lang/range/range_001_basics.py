# range construction, repr, len, indexing, attributes and errors.
def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(range(5), range(1, 5), range(1, 10, 2), range(5, 0, -1), range(0), range(-3, 3, 1))
print(list(range(5)), list(range(2, 8, 3)), list(range(10, 0, -3)), list(range(0, -5, -1)), list(range(3, 3)))
r = range(2, 20, 3)
print(r.start, r.stop, r.step, len(r), r[0], r[-1], r[2], r[-6], bool(r), bool(range(0)))
print(len(range(10, 0)), len(range(0, 10, -1)), len(range(-10, 10, 7)), len(range(10, -10, -7)))
err(lambda: range())
err(lambda: range(1, 2, 3, 4))
err(lambda: range('a'))
err(lambda: range(1.5))
err(lambda: range(1, 2, 0))
err(lambda: range(x=1))
err(lambda: r[100])
err(lambda: r[-100])
err(lambda: r['a'])
err(lambda: r[1.0])
err(lambda: range(3).index(5))
err(lambda: range(3).index('a'))
err(lambda: range(3).count())
err(lambda: hash(range(3)) == hash(range(3)))
err(lambda: range(3) < range(4))
err(lambda: range(3) + range(2))
err(lambda: range(3) * 2)
err(lambda: len(range(2**70)))
err(lambda: range(3).start.__class__.__name__)
class I:
    def __index__(self):
        return 4
print(range(I()), range(I(), 10, I()), range(True), range(False, True), r[I()])
print(range(0, 10, 2) == range(0, 10, 2), range(0) == range(5, 1), range(0, 3) == range(0, 3, 1), range(1, 2, 5) == range(1, 3, 7), range(3) != range(4), range(3) == [0, 1, 2])
print(hash(range(0)) == hash(range(4, 1)), hash(range(1, 2)) == hash(range(1, 3, 10)), hash(range(3)) == hash(range(0, 3, 1)))

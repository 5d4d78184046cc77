import bisect
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 2), bisect.bisect(a, 0), bisect.bisect(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_left(a, 2, 0, 2), bisect.bisect_right(a, 2, hi=3), bisect.bisect_left(a, 5, lo=1, hi=None))
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
b = []
for x in [5, 1, 4, 1, 3]: bisect.insort(b, x)
print(b)
bisect.insort_left(b, 1); bisect.insort_right(b, 4, 0, 3); print(b)
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
t(bisect.bisect, a, 1, -1)
t(bisect.bisect, 5, 1)
t(bisect.bisect)
t(bisect.bisect, [1], 1, 0, 5)
t(bisect.bisect, (1, 2, 3), 2)
print(bisect.bisect('abcdef', 'c'))
t(bisect.bisect, [1, 2], 'a')
t(bisect.bisect, a, 1, 'x')

class Rev:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v > o.v
    def __repr__(self): return 'Rev(%r)' % self.v
r = [Rev(9), Rev(5), Rev(1)]
print(bisect.bisect(r, Rev(5)), bisect.bisect_left(r, Rev(5)))
bisect.insort(r, Rev(3)); print(r)
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n: raise IndexError(i)
        return i * 10
print(bisect.bisect_left(Seq(100), 435), bisect.bisect_right(Seq(100), 430), bisect.bisect(Seq(0), 5))
class L(list):
    def insert(self, i, x):
        print('insert', i, x); super().insert(i, x)
l = L([1, 3]); bisect.insort(l, 2); print(l)
big = list(range(0, 10**6, 3))
print(bisect.bisect_left(big, 999999), bisect.bisect_right(big, 3 * 1000), bisect.bisect_left(big, -5))
t(bisect.bisect_left, [1, 2], 1, key=1)
t(bisect.insort, [], 1, lo=-2)
t(bisect.bisect_right, [1, 2, 3], 2, 0, 10)
print(bisect.bisect_right([1, 2, 3], 2, 1, -1))

# Container and iteration dunders: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __reversed__, __bool__.
class Matrix:
    def __init__(self, rows, cols, fill=0):
        self.rows, self.cols = rows, cols
        self.data = [fill] * (rows * cols)
    def _idx(self, key):
        r, c = key
        if not (0 <= r < self.rows and 0 <= c < self.cols):
            raise IndexError(f"cell {key} out of range")
        return r * self.cols + c
    def __getitem__(self, key):
        return self.data[self._idx(key)]
    def __setitem__(self, key, value):
        self.data[self._idx(key)] = value
    def __len__(self):
        return self.rows * self.cols
    def __iter__(self):
        for r in range(self.rows):
            yield [self[r, c] for c in range(self.cols)]
    def __contains__(self, value):
        return value in self.data
    def __eq__(self, other):
        return isinstance(other, Matrix) and (self.rows, self.cols, self.data) == (other.rows, other.cols, other.data)
    def __mul__(self, other):
        out = Matrix(self.rows, other.cols)
        for i in range(self.rows):
            for j in range(other.cols):
                out[i, j] = sum(self[i, k] * other[k, j] for k in range(self.cols))
        return out
    def __repr__(self):
        return "Matrix(" + repr(list(self)) + ")"
m = Matrix(2, 3)
for r in range(2):
    for c in range(3):
        m[r, c] = r * 3 + c
print(m, len(m), m[1, 2], 4 in m, 9 in m, list(m))
try:
    m[2, 0]
except IndexError as e:
    print("IndexError:", e)
ident = Matrix(3, 3)
for i in range(3):
    ident[i, i] = 1
print(m * ident == m, m * ident)
class SortedList:
    def __init__(self, items=()):
        self._items = sorted(items)
    def add(self, x):
        lo, hi = 0, len(self._items)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._items[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        self._items.insert(lo, x)
    def __len__(self):
        return len(self._items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return SortedList(self._items[i])
        return self._items[i]
    def __delitem__(self, i):
        del self._items[i]
    def __iter__(self):
        return iter(self._items)
    def __reversed__(self):
        return reversed(self._items)
    def __bool__(self):
        return bool(self._items)
    def __repr__(self):
        return f"SortedList({self._items})"
sl = SortedList([5, 1, 4])
for x in [3, 0, 9, 4]:
    sl.add(x)
print(sl, len(sl), sl[0], sl[-1], sl[1:4], list(reversed(sl)), 4 in sl, 7 in sl)
del sl[0]
del sl[-2:]
print(sl, bool(sl), bool(SortedList()), sum(sl), max(sl), sorted(sl, reverse=True))
class Range3:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 3
print(list(Range3(5)), 6 in Range3(5), 7 in Range3(5), [x for x in Range3(3)], list(reversed([*Range3(4)])))
class Bag:
    def __init__(self):
        self.counts = {}
    def __setitem__(self, k, v):
        if v <= 0:
            self.counts.pop(k, None)
        else:
            self.counts[k] = v
    def __getitem__(self, k):
        return self.counts.get(k, 0)
    def __len__(self):
        return sum(self.counts.values())
    def __iter__(self):
        for k, n in self.counts.items():
            for _ in range(n):
                yield k
bag = Bag()
for w in "the cat and the hat and the bat".split():
    bag[w] += 1
print(len(bag), bag["the"], bag["dog"], sorted(bag)[:5])
bag["the"] = 0
print(len(bag), list(bag))
class Length0:
    def __len__(self):
        return 0
print(bool(Length0()), not Length0(), "empty" if not Length0() else "full")

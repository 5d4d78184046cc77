# Iterators vs iterables: custom classes, iter() with sentinel, reuse, enumerate/zip/reversed over generators.
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1
cd = Countdown(3)
print(list(cd), list(cd), [x * 2 for x in cd], sum(cd))
class OneShot:
    def __init__(self, items):
        self.items = list(items)
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]
os_ = OneShot("abc")
print(list(os_), list(os_), iter(os_) is os_)
data = [5, 3, 8, 0, 9]
pos = [0]
def reader():
    v = data[pos[0]]
    pos[0] += 1
    return v
print(list(iter(reader, 0)))
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)))
print(list(enumerate(x * x for x in range(4))), list(enumerate("ab", start=10)))
print(list(zip(range(3), (c for c in "abcdef"))), list(zip()), list(zip([1, 2], [])))
print(list(reversed(range(5))), list(reversed([1, 2, 3])), list(reversed("xyz")), list(reversed((1, 2))))
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(Rev())), list(Rev()))
try:
    reversed(x for x in [1])
except TypeError as e:
    print("TypeError:", e)
m = map(lambda x: x + 1, [1, 2, 3])
print(next(m), list(m), list(m))
f = filter(str.isdigit, "a1b2c3")
print("".join(f), type(m).__name__, type(f).__name__, type(zip()).__name__, type(enumerate([])).__name__)
r = range(10, 0, -2)
print(list(r), len(r), r[1], r[-1], 4 in r, 5 in r, r.index(6), r.count(8), list(r[1:3]), range(3) == range(0, 3))
print(repr(range(5)), repr(range(1, 5, 2)), list(range(0)), list(range(-3)), list(range(-3, 3)))
gen = iter(range(5))
next(gen)
print(list(gen))
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return FibIter(self.limit)
class FibIter:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
fb = Fib(100)
print(list(fb), sum(fb), max(fb), len(list(fb)), [x for x in fb if x % 2])
a, b, *rest = Fib(50)
print(a, b, rest)
print(sorted(Fib(30), reverse=True), dict(enumerate(Fib(5))), set(Fib(10)))

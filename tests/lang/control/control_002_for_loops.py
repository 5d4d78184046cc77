# for loops over every kind of iterable, with break/continue/else and nested loops.
for i in range(3):
    print("range", i)
for ch in "abc":
    print("char", ch)
for item in [1, "two", 3.0]:
    print("list", item)
for k in {"x": 1, "y": 2}:
    print("dict key", k)
for k, v in {"x": 1, "y": 2}.items():
    print("dict item", k, v)
for n in {3, 1, 2}:
    print("set", n)
for b in b"AZ":
    print("bytes", b)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print("enumerate-unpack", i, a, b)
for x, y in zip([1, 2, 3], "abc"):
    print("zip", x, y)
for i in range(10, 0, -3):
    print("countdown", i)
for i in range(0):
    print("never")
else:
    print("else after empty loop")
def is_prime(n):
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            return False
    return n > 1
for n in range(10, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime", is_prime(n))
total = 0
for i in range(100):
    if i % 3 == 0 or i % 5 == 0:
        continue
    total += i
print("sum of non-multiples of 3 or 5:", total)
table = []
for i in range(1, 4):
    row = []
    for j in range(1, 4):
        row.append(i * j)
    table.append(row)
print(table)
found = None
for r, row in enumerate(table):
    for c, val in enumerate(row):
        if val == 6:
            found = (r, c)
            break
    if found:
        break
print("first 6 at", found)
for x in [1, 2, 3]:
    pass
print("loop var survives:", x)
items = [10, 20, 30]
for i in range(len(items)):
    items[i] += i
print(items)
for i in range(3):
    for j in range(3):
        if j == 2:
            continue
        if i == 2:
            break
        print("pair", i, j)
for _ in range(2):
    print("underscore loop")
for i in range(5):
    i = i * 100
    print("rebinding loop var", i)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
for v in Countdown(4):
    print("custom iterator", v)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * i
for v in Seq():
    print("getitem protocol", v)
print(list(Seq()), 4 in Seq(), 1 in Seq())

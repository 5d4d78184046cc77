# Generator pipelines and lazy evaluation.
def numbers():
    n = 0
    while True:
        n += 1
        yield n

def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v

def evens(it):
    return (v for v in it if v % 2 == 0)

def squares(it):
    for v in it:
        yield v * v

print(list(take(5, squares(evens(numbers())))))

# primes sieve with generators
def primes():
    yield 2
    found = [2]
    n = 3
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 2
print(list(take(15, primes())))

# running totals
def running(it):
    total = 0
    for v in it:
        total += v
        yield total
print(list(running(range(1, 11))))

# interleave and group
def interleave(*gens):
    gens = [iter(g) for g in gens]
    while gens:
        for g in list(gens):
            try:
                yield next(g)
            except StopIteration:
                gens.remove(g)
print(list(interleave("abc", [1, 2], range(10, 14))))

def chunks(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            buf = []
    if buf:
        yield tuple(buf)
print(list(chunks(range(10), 3)))

# permutations via recursion with yield from
def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in perms(rest):
            yield [items[i]] + p
print(["".join(p) for p in perms("abc")])

# tree traversal
class Node:
    def __init__(self, v, *kids):
        self.v = v
        self.kids = kids
    def walk(self, depth=0):
        yield depth, self.v
        for k in self.kids:
            yield from k.walk(depth + 1)
t = Node("root", Node("a", Node("a1"), Node("a2")), Node("b"))
for d, v in t.walk():
    print("  " * d + v)

# generator methods in classes and __iter__ as a generator
class Bag:
    def __init__(self, *items):
        self.items = items
    def __iter__(self):
        for i in self.items:
            yield i
print(list(Bag(3, 1, 2)), sorted(Bag(3, 1, 2)), 2 in Bag(1, 2))

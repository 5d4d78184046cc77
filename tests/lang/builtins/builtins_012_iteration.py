# iter, next, enumerate, zip, map, filter, reversed, sorted, all, any.
it = iter([1, 2])
print(next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
print(type(iter(tick, 10)).__name__)
def gen():
    yield 1
    return "value"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop value", e.value)
print(next(g, "dflt"))
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate("ab", start=-1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(lambda x: x * 2, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(str, range(3))))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(reversed(Seq())), list(iter(Seq())))
print(sorted([3, 1, 2]), sorted("cba"), sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower))
l = [3, 1]
s = sorted(l)
print(s, l, s is l)
print(sorted([(1, "b"), (0, "c"), (1, "a")]), sorted({3: 1, 1: 2}), sorted([], reverse=True))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, 0, 3]), any(x > 5 for x in range(3)))
def noisy():
    for i in range(5):
        print("yield", i)
        yield i
print(any(x == 1 for x in noisy()))
print(all(x < 1 for x in noisy()))

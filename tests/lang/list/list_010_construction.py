# list(): from iterables, generators, dicts, sets, strings; subclasses.
print(list(), list([]), list((1, 2)), list('abc'), list(range(3)), list({1: 'a', 2: 'b'}), list({5}))
print(list(x * x for x in range(4)), list(map(str, [1, 2])), list(zip('ab', [1, 2])))
print(list(enumerate('xy', 5)), list(b'hi'), list(iter([1, 2])))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq(), len(list(reversed([Seq()]))))
class MyList(list):
    def __repr__(self):
        return 'MyList(' + list.__repr__(self) + ')'
m = MyList([3, 1, 2])
m.sort()
print(m, len(m), type(m).__name__, isinstance(m, list), m + [4], type(m + [4]).__name__)
print(type(m[:1]).__name__, type(m.copy()).__name__, m == [1, 2, 3])
class Counting(list):
    def append(self, x):
        super().append(x * 2)
c = Counting()
c.append(5)
c.extend([1])
print(c)
l = [1, 2, 3]
l.__init__([9])
print(l)
l.__init__()
print(l)
print(list.__new__(list), list.__name__, [].__class__ is list)
g = (i for i in range(3))
lst = list(g)
print(lst, list(g))
print([*range(3), *'ab'], [1, *[], 2])
def gen():
    yield 1
    raise RuntimeError("boom")
try:
    list(gen())
except RuntimeError as e:
    print("RuntimeError:", e)
big = list(range(100000))
print(len(big), big[-1], sum(big))
big2 = big * 2
print(len(big2), big2[100000])
del big2[::2]
print(len(big2), big2[:3])

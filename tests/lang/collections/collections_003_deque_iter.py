# deque iteration: mutation detection, iterator types, subclasses.
from collections import deque

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = deque([1, 2, 3])
it = iter(d)
print(next(it), it.__length_hint__())
d.append(4)
err(lambda: next(it))
err(lambda: next(it))
d2 = deque([1, 2, 3])
def mutate():
    for x in d2:
        d2.appendleft(x)
err(mutate)
d3 = deque([1, 2, 3])
it3 = iter(d3)
d3[0] = 10
print(list(it3))
rit = reversed(deque('abc'))
print(next(rit), list(rit))
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)
class Eq:
    def __init__(self, d): self.d = d
    def __eq__(self, other):
        self.d.append(0)
        return False
dm = deque([1, 2, 3])
err(lambda: dm.count(Eq(dm)))
dm2 = deque([1, 2, 3])
err(lambda: Eq(dm2) in dm2)
dm3 = deque([1, 2, 3])
err(lambda: dm3.index(Eq(dm3)))
dm4 = deque([1, 2, 3])
err(lambda: dm4.remove(Eq(dm4)))

class MyDeque(deque):
    def __init__(self, items, tag):
        super().__init__(items, 4)
        self.tag = tag
    def append(self, x):
        super().append(x * 10)
m = MyDeque([1, 2], 't')
m.append(3)
print(m, m.tag, len(m), m[2], list(m), m.maxlen, isinstance(m, deque))
print(repr(m), m == deque([1, 2, 30]))
class D2(deque):
    pass
d2 = D2('ab')
print(d2, d2.copy(), type(d2.copy()).__name__, type(d2 + d2).__name__)
print(D2.__mro__)

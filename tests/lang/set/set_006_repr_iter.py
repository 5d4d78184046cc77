# repr of sets and subclasses, iteration errors, iterator state.
print(set(), frozenset(), {1}, frozenset({1, 2}), {(1, 'a')}, {None}, {frozenset()})
class S(set):
    pass
class F(frozenset):
    pass
print(S(), S([1, 2]), F(), F([3]), type(S([1]) | {2}).__name__, type(F([1]) | {2}).__name__)
print(S([1, 2]) == {1, 2}, isinstance(S(), set), S([1]).copy(), type(S([1]).copy()).__name__)
class R:
    def __init__(self, s):
        self.s = s
    def __repr__(self):
        return repr(self.s)
    def __hash__(self):
        return 1
rs = set()
rs.add(R(rs))
print(rs)
fs = F([1])
print(repr(fs), str(fs))
s = {1, 2, 3}
it = iter(s)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
s.add(4)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    next(it)
except RuntimeError as e:
    print("again RuntimeError:", e)
s = {1, 2, 3}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2, 3}
for x in s:
    s.discard(x)
    s.add(x + 100)
    break
print(s)
t = {1, 2}
it = iter(t)
print(list(it), list(it), it.__length_hint__())
print(sorted({'b', 'a', 'c'}), sorted(frozenset('hello')), len({'x', 'y', 'x'}))
print(sum({1, 2, 3}), max({5, 1}), min(frozenset({5, 1})), list(enumerate({7, 8})))

# set operations with small ints (deterministic order) and frozensets.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [8]), a.intersection(b, {5}), a.difference(b, {1}), a.symmetric_difference([1, 9]))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
s = set()
s.add(3); s.add(1); s.add(3)
print(s, len(s), 3 in s, 2 in s)
s.update([5, 6], {7})
print(s)
s.discard(100)
s.discard(5)
s.remove(6)
print(s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
c = a.copy()
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {3, 10}
print(a, c)
p = {9}
print(p.pop(), p)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
fs = frozenset([3, 1, 2])
print(fs, fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__, hash(fs) == hash(frozenset({1, 2, 3})))
print({fs: "frozen"}[frozenset({1, 2, 3})], {frozenset(), frozenset([1])} == {frozenset([1]), frozenset()})
print(set([1, 1, 2, 2, 3]), set(range(5)), set((0, 0)), len(set("aabbcc")), sorted(set("hello")))
print({x % 4 for x in range(20)}, {x for x in range(10) if x % 3 == 0})
print(sorted({"pear", "apple", "fig"}), sorted({"b", "a"} | {"c"}), max({3, 9, 1}), sum({1, 2, 3}))
print({1, 2} == {2, 1}, {1} == frozenset({1}), set() == frozenset(), {1.0, 1, True})
s2 = {1, 2, 3}
s2.clear()
print(s2, set(), frozenset(), repr(set()))
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    {1}.add({2})
except TypeError as e:
    print("TypeError:", e)
e = {1, 2, 3}
try:
    for x in e:
        e.add(x + 10)
except RuntimeError as err:
    print("RuntimeError:", err)

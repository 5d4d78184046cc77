# set methods with many argument kinds; set comprehension; update methods; subsets of frozensets.
s = {1, 2, 3}
s.intersection_update([2, 3, 4], (3, 2))
print(s)
s.difference_update({3})
print(s)
s.symmetric_difference_update(range(4))
print(s)
print(set("aab") == {"a", "b"}, sorted(set(["x", "y", "x"])), len({(1, 2), (2, 1), (1, 2)}))
print(set({1: "a", 2: "b"}), set(x * x for x in range(-3, 4)), frozenset(range(3)) | set([7]))
print({1, 2}.union(), set().union([1], (2,), {3}), {5}.intersection(), {1, 2, 3}.difference())
print({1, 2} | frozenset([3]), frozenset([3]) & {3, 4}, sorted(frozenset("cab")))
power = [set()]
for x in [1, 2, 3]:
    power += [sub | {x} for sub in power]
print(sorted(sorted(p) for p in power), len(power))
def jaccard(a, b):
    return len(a & b) / len(a | b) if a | b else 1.0
print(jaccard({1, 2, 3}, {2, 3, 4}), jaccard(set(), set()), jaccard({1}, {2}))
print(sorted({n % 7 for n in range(100)}), len({n % 7 for n in range(100)}))
visited = set()
order = []
def walk(n):
    if n in visited or n > 40:
        return
    visited.add(n)
    order.append(n)
    walk(n * 2)
    walk(n + 3)
walk(1)
print(order, len(visited))
print(min({5, 3, 8}), max(frozenset({5, 3, 8})), sorted({5, 3, 8}, reverse=True), sum(frozenset()))
print(bool(set()), bool({0}), len(frozenset([1, 1, 1])), 2 in frozenset([1, 2]))
print({1, 2, 3} > {1, 2}, {1, 2} > {1, 2}, {3} < {1, 2}, frozenset({1}) <= {1, 2})

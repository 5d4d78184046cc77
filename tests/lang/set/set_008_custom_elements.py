# Elements with custom hash/eq, mutation during comparisons, big sets.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __hash__(self):
        return hash((self.x, self.y))
    def __eq__(self, o):
        return isinstance(o, P) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return 'P(%d,%d)' % (self.x, self.y)
pts = {P(1, 2), P(1, 2), P(2, 1)}
print(len(pts), P(1, 2) in pts, P(3, 3) in pts)
pts.discard(P(2, 1))
print(pts)
class Same:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, o):
        return isinstance(o, Same) and self.v == o.v
    def __repr__(self):
        return 'Same(%d)' % self.v
col = set(Same(i) for i in range(20))
print(len(col), Same(7) in col, Same(70) in col)
for i in range(0, 20, 2):
    col.remove(Same(i))
print(len(col), sorted(s.v for s in col))
class Bad:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        raise ValueError("cmp")
b = {Bad()}
try:
    Bad() in b
except ValueError as e:
    print("ValueError:", e)
class Clearer:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return 5
    def __eq__(self, o):
        self.s.clear()
        return False
target = {5}
target.add(Clearer(target))
print(len(target))
print({1, 1.0, True}, {0, 0.0, False, -0.0}, len({1, 1.0, True}))
nums = set()
for i in range(50000):
    nums.add(i * 2654435761 % 1000003)
print(len(nums), sum(nums) % 99991, min(nums), max(nums))
nums2 = set(range(0, 50000, 5))
print(len(nums & nums2), len(nums | nums2), len(nums - nums2))
print(frozenset(range(5)) in {frozenset(range(5))}, hash(frozenset(range(100))) == hash(frozenset(range(99, -1, -1))))

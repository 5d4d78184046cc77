# min, max and sum in depth.
print(max(3, 1, 2), min(3, 1, 2), max([4, 9, 2]), min("hello"))
print(max([], default=None), min([], default="empty"), max([5], default=0))
print(max([1, 3, 2], key=lambda x: -x), min(["bb", "a", "ccc"], key=len))
print(max(1, 2, key=None), max("a", "B", key=str.lower))
print(max([(1, "b"), (1, "a"), (0, "z")]))
print(max([1, 1.5, True]), min([2, 1.0, 1]))
# first of equal elements wins
pairs = [(1, "first"), (1, "second"), (0, "low")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: -p[0]))
print(max(range(10**6)), min(x * x for x in range(-5, 5)))
print(max(2**70, 3, -2**80), min(2**70, 3, -2**80))
try:
    max([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10))
print(sum([0.1] * 10), sum([1, 2.5, 3]), sum([1.5, 2, True]))
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum([True, True, False]), sum([], 0.0), sum([2**62, 2**62, 2**62]))
print(sum([2**100, -2**100, 1]), sum([1, 2], start=5))
print(sum(x / 2 for x in range(5)), sum([], start=[]))
print(sum([1j, 2]), sum([1.0, 2**80]))
for start in ["", b"", bytearray()]:
    try:
        sum([], start)
    except TypeError as e:
        print("TypeError:", e)
try:
    sum(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
print(sum([V(1), V(2)]).v, sum([V(1)], V(10)).v)
print(sum([1, 2], True), sum([], True))

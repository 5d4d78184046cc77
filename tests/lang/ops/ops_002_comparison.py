# Comparison operators, chaining, identity and membership.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 2)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1.0, 1 < 2 > 0)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(0) < v(5), calls)
calls.clear()
print(v(3) < v(1) < v(2), calls)
print("abc" < "abd", "abc" < "ab", "" < "a", "Z" < "a", "apple" > "Apple")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], (1, "a") < (1, "b"))
print((1, 2) == (1, 2), [1, 2] == [1, 2], (1, 2) == [1, 2])
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} < {2})
print({"a": 1} == {"a": 1}, {"a": 1} == {"a": 1.0}, {"a": 1} != {"a": 2})
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None)
print(1 in [1, 2], 3 not in [1, 2], "ell" in "hello", "x" in "hello")
print(2 in {1: "a", 2: "b"}, "a" in {1: "a"}, 3 in range(5), 5 in range(5))
print(1.0 in [1], True in [1], 0 in [False])
print(float("nan") == float("nan"), float("nan") != float("nan"))
nan = float("nan")
print(nan in [nan], [nan] == [nan])
print(1 < 2.5 < 3, 10 ** 20 > 1e19, -1 < 0.0 <= 0)
print(max(3, 1, 2) == 3 and min(3, 1, 2) == 1)
print(not 1 == 2, not (1 == 2), (not 1) == 2)
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
vs = ["1.10.0", "1.2.0", "1.2.10", "0.9"]
print(sorted(vs, key=Version))
print(Version("1.2") < Version("1.10"), Version("2.0") <= Version("2.0"))
print(Version("3.1") > Version("3.0"), Version("1.0") >= Version("1.1"))

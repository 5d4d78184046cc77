# Sequence builtins: len, range, enumerate, zip, map, filter, sorted, reversed, iter, next, all, any, slice.
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(0, 10, 3)), len(b"xy"), len(""))
print(list(range(5)), list(range(2, 5)), list(range(10, 0, -3)), list(range(0)), range(5)[-1], range(0, 100, 7)[3:6])
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)))
print(list(zip("ab", "cd", "ef")), list(zip([1, 2, 3], "ab")), list(zip()), dict(zip("abc", range(3))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(str.upper, ["a", "b"])), list(map(pow, [2, 3], [3, 2])), list(map(len, ("a", "bb", "")))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 2, range(6))))
print(sorted("banana"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}), sorted([(1, "b"), (1, "a")]))
print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(3))), tuple(reversed((1, 2))))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"))
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, 0, 1]), any(x > 5 for x in range(3)), all("abc"))
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, "abcdefghij"[s], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9][s], s.indices(5))
print(slice(3), slice(None, None, -1), "hello"[slice(None, None, -1)], slice(1, 2) == slice(1, 2))
print(list(iter("hi")), list(iter((1, 2))), list(iter({3: 4})))
def countdown():
    n = [3]
    def step():
        n[0] -= 1
        return n[0]
    return step
print(list(iter(countdown(), 0)))
print(len(list(zip(range(1000), range(1000, 2000)))), sum(map(lambda a: a[0] * a[1], zip([1, 2, 3], [4, 5, 6]))))
class Sized:
    def __len__(self):
        return 7
print(len(Sized()))
for bad in [5, None, 3.2]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from empty iterator")
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)

# list operations: indexing, slicing assignment, del, comparisons, aliasing, membership.
a = list(range(10))
print(a[0], a[-1], a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:-1], a[5:2], a[5:2:-1])
a[2:5] = ["x", "y"]; print(a)
a[1:1] = [100, 200]; print(a)
a[-2:] = []; print(a)
a[::2] = [0] * len(a[::2]); print(a)
del a[0]; print(a)
del a[1:3]; print(a)
del a[::2]; print(a)
a[:] = "abc"; print(a)
b = a
b += [1]
print(a, a is b)
b = b + [2]
print(a, b, a is b)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, [2]] == [1, [2]], [] == [], [1] < [1, 0], [2] > [1, 9])
print(3 in [1, 2, 3], [1] in [[1], [2]], "a" not in ["b"])
grid = [[0] * 4 for _ in range(3)]
for r in range(3):
    for c in range(4):
        grid[r][c] = r * c
print(grid, grid[2][3], [row[1] for row in grid])
nested = [1, [2, [3, [4]]]]
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten(nested)), list(flatten([[[]], [1, [2, 3]], 4])))
lst = [3, 1, 2]
lst2 = sorted(lst)
print(lst, lst2, sorted(lst, reverse=True), list(reversed(lst)))
print(len(lst), min(lst), max(lst), sum(lst), any(lst), all([1, 0]))
ref = [1, 2]
outer = [ref, ref]
ref.append(3)
print(outer)
items = ["a", "b", "c", "d"]
for i, it in enumerate(items):
    if it == "b":
        items[i] = "B"
print(items)
items = [n for n in range(20) if n % 3]
print(items, items.__len__(), items.__getitem__(2), items.__contains__(3))
big = list(range(1000))
big[100:900] = []
print(len(big), big[98:102])
print([i * i for i in range(5)][::-1], list(range(5))[1:-1])
print(list(map(list, ["ab", "cd"])), [list(t) for t in zip([1, 2], [3, 4])])

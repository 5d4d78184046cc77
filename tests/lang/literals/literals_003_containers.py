# Container displays: lists, tuples, dicts, sets, nesting and trailing commas.
print([], [1], [1, 2, 3,], [[1, 2], [3, [4, 5]]])
print((), (1,), (1, 2), (1, 2,), ((1,), (2, (3,))))
print(1, (1), (1,), type((1)), type((1,)))
print({}, {"a": 1}, {"a": 1, "b": 2,}, {1: "one", 2.5: "float", (1, 2): "tuple"})
print({1}, {1, 2, 3}, {3, 2, 1}, type({}), type({1}))
print(set(), frozenset(), frozenset({1, 2}))
print([*range(3), *"ab"], (*[1, 2], 3), {*(1, 2), 3})
print({**{"x": 1}, "y": 2, **{"x": 3}})
print({"k": [1, {"inner": (1, 2)}]})
d = {"dup": 1, "dup": 2}
print(d, len(d))
print({1: "a", 1.0: "b", True: "c"})
print([1, 2] + [3], (1,) * 3, [0] * 4)
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
print(nested)
alias = [[0] * 3] * 3
alias[1][1] = 5
print(alias)
print(len([]), len(()), len({}), len(set()), len([[], []]))
print(repr([1, "a", 2.0, None, True]), str((None,)))
print([1, [2, [3, [4, [5]]]]])
print({"a": {"b": {"c": {}}}})
print(list("abc"), tuple("abc"), sorted(set("abc")))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("ab", [1, 2])))

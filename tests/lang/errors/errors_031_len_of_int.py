# TypeError: object of type 'int' has no len().
items = ["a", [1, 2], (3,), {"k": 1}, 7]
for it in items:
    print(repr(it), len(it))

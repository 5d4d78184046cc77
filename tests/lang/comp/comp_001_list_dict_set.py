# List, dict and set comprehensions with filters, nesting, and multiple for clauses.
print([x * x for x in range(10)])
print([x for x in range(30) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[x * y for y in range(1, 5)] for x in range(1, 5)])
print([c.upper() if c in "aeiou" else c for c in "comprehension"])
print({x: x ** 3 for x in range(6)})
print({v: k for k, v in {"a": 1, "b": 2, "c": 3}.items()})
print({x % 5 for x in range(100)}, {len(w) for w in "the quick brown fox jumps".split()})
words = ["apple", "banana", "avocado", "blueberry", "cherry", "apricot"]
by_first = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(by_first)
print({w: len(w) for w in words if len(w) > 6})
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
print([row[i] for row in matrix for i in range(len(row)) if i == len(row) - 1])
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print(sum([x for x in range(101)]), len([0 for _ in range(7)]))
pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
print([i for i, ch in enumerate("mississippi") if ch == "s"])
print(dict([(k, v) for k, v in zip("abc", range(3))]), [list(p) for p in zip("ab", "cd")])
print([x if x > 0 else 0 for x in [-2, -1, 0, 1, 2]])
print([y for x in [[1, [2]], [3, [4, 5]]] for y in x[1]])
grid = {(r, c): r * 3 + c for r in range(3) for c in range(3)}
print(grid[(2, 1)], len(grid), [k for k, v in grid.items() if v % 4 == 0])
nested_dict = {outer: {inner: outer * inner for inner in range(3)} for outer in range(3)}
print(nested_dict)
print(sorted({(a, b) for a in range(3) for b in range(3) if a <= b}))
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
print([s.strip().title() for s in " alpha ,beta,  gamma ".split(",")])
print({k: sorted(v) for k, v in {"x": [3, 1, 2], "y": [9, 7]}.items()})
print([[0] * n for n in range(4)], [f"{i}:{c}" for i, c in enumerate("abc", 1)])

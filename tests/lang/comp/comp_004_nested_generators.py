# Nested and chained comprehensions: flattening, transposing, cartesian products, comprehension over generators.
words = ["alpha", "beta", "gamma", "delta"]
print([ch for w in words for ch in w if ch in "aeiou"])
print({w: {ch: w.count(ch) for ch in sorted(set(w))} for w in words[:2]})
print([[w[i] if i < len(w) else "-" for w in words] for i in range(5)])
print([(a, b, c) for a in range(2) for b in "xy" for c in (True, False)][:6])
print(sorted({(min(a, b), max(a, b)) for a in range(4) for b in range(4) if a != b}))
print([sum(row) for row in [[j for j in range(i)] for i in range(6)]])
print([x for x in (y * 2 for y in range(10)) if x % 3 == 0])
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), [list(t) for t in zip(*[(1, "a"), (2, "b")])])
board = [[(r + c) % 2 for c in range(8)] for r in range(8)]
print("\n".join("".join("#" if cell else "." for cell in row) for row in board))
tri = [[1] * (i + 1) for i in range(6)]
for i in range(2, 6):
    tri[i] = [1] + [tri[i - 1][j - 1] + tri[i - 1][j] for j in range(1, i)] + [1]
print(tri)
print({i: [j for j in range(1, i + 1) if i % j == 0] for i in range(1, 13)})
perfect = [n for n in range(2, 1000) if sum(d for d in range(1, n) if n % d == 0) == n]
print(perfect)
deep = [[[i + j + k for k in range(2)] for j in range(2)] for i in range(2)]
print(deep, [x for a in deep for b in a for x in b])
print(max(((i, j) for i in range(5) for j in range(5)), key=lambda p: (p[0] * p[1], p)))

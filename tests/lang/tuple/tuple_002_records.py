# Tuples as lightweight records: grouping, aggregation, swapping, returning several values.
sales = [("2024-01", "north", 120), ("2024-01", "south", 90), ("2024-02", "north", 150),
         ("2024-02", "south", 60), ("2024-03", "north", 130), ("2024-03", "south", 170)]
by_region = {}
for month, region, amount in sales:
    by_region.setdefault(region, []).append((month, amount))
for region, rows in by_region.items():
    total = sum(a for _, a in rows)
    best = max(rows, key=lambda r: r[1])
    print(region, total, best, [m for m, _ in rows])
by_month = {}
for month, _, amount in sales:
    by_month[month] = by_month.get(month, 0) + amount
print(by_month, max(by_month.items(), key=lambda kv: kv[1]))
def stats(values):
    n = len(values)
    mean = sum(values) / n
    return n, mean, min(values), max(values)
count, mean, lo, hi = stats([a for *_, a in sales])
print(count, round(mean, 3), lo, hi)
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(c, b, a)
fib = [(0, 1)]
for _ in range(10):
    x, y = fib[-1]
    fib.append((y, x + y))
print([p[0] for p in fib])
edges = [("a", "b", 4), ("a", "c", 1), ("c", "b", 2), ("b", "d", 1), ("c", "d", 5)]
dist = {"a": 0}
for _ in range(4):
    for u, v, w in edges:
        if u in dist and dist[u] + w < dist.get(v, 10 ** 9):
            dist[v] = dist[u] + w
print(sorted(dist.items()))
inventory = (("apples", 3), ("pears", 0), ("plums", 12))
print([name for name, qty in inventory if qty], dict(inventory), sum(q for _, q in inventory))
matrix = ((1, 2, 3), (4, 5, 6))
print(tuple(zip(*matrix)), tuple(map(sum, matrix)), tuple(map(sum, zip(*matrix))))
pairs = tuple((i, i * i) for i in range(5))
print(pairs, pairs[2:], dict(pairs)[4])
print(tuple(reversed(pairs))[0], len(pairs) == len(dict(pairs)))

# A small program leaning on builtins.
data = [("alice", 91, 3.5), ("bob", 78, 2.25), ("carol", 85, 4.0), ("dave", 78, 1.5), ("eve", 99, 3.0)]
names = [n for n, _, _ in data]
scores = list(map(lambda r: r[1], data))
print("count", len(data), "total", sum(scores), "mean", round(sum(scores) / len(scores), 2))
print("best", max(data, key=lambda r: r[1])[0], "worst", min(data, key=lambda r: (r[1], r[0]))[0])
print("ranked", [n for n, _, _ in sorted(data, key=lambda r: (-r[1], r[0]))])
print("hours", sum(h for _, _, h in data), "as hex", hex(sum(scores)), "as bin", bin(len(data)))
print("above 80", list(filter(lambda r: r[1] > 80, data)))
print("zipped", dict(zip(names, scores)))
print("initials", "".join(chr(ord(n[0]) - 32) for n in names))
for i, (n, s, h) in enumerate(reversed(data), 1):
    print(f"{i:>2}. {n:<6}{s:>4}{h:>6.2f}", divmod(s, 10))
print(all(s > 50 for s in scores), any(s == 100 for s in scores))
print(sorted(set(scores), reverse=True), pow(2, len(data), 7), abs(-sum(scores)))
grid = [[(r * 3 + c) % 5 for c in range(3)] for r in range(3)]
print(grid, list(zip(*grid)), [max(col) for col in zip(*grid)])
print(isinstance(grid, list), callable(sorted), repr(names[0]), ascii("naïve"))

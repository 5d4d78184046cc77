# Generator expressions and lazy pipelines over generated log data.
def log_lines():
    levels = ["INFO", "WARN", "ERROR", "INFO", "DEBUG"]
    services = ["api", "db", "auth"]
    for i in range(60):
        yield f"2024-05-{i % 28 + 1:02d} {levels[i % 5]} {services[i % 3]} took={(i * 37) % 500}ms"
parsed = (line.split() for line in log_lines())
records = ({"date": d, "level": lv, "service": s, "ms": int(t[5:-2])} for d, lv, s, t in parsed)
slow = (r for r in records if r["ms"] > 300)
first_five = []
for r in slow:
    first_five.append((r["date"], r["service"], r["ms"]))
    if len(first_five) == 5:
        break
print(first_five)
print(sum(1 for line in log_lines() if " ERROR " in line))
print(max((int(l.split("took=")[1][:-2]), l.split()[2]) for l in log_lines()))
by_service = {}
for s, ms in ((l.split()[2], int(l.split("took=")[1][:-2])) for l in log_lines()):
    by_service.setdefault(s, []).append(ms)
print({s: (len(v), sum(v) // len(v), max(v)) for s, v in by_service.items()})
print(any(x > 10 for x in range(20)), all(x < 10 for x in range(20)), any(()), all(()))
evaluated = []
def noisy(x):
    evaluated.append(x)
    return x
print(any(noisy(x) > 2 for x in range(10)), evaluated)
squares = (x * x for x in range(10))
print(next(squares), next(squares), list(squares))
print(sorted((x % 7 for x in range(20)), reverse=True)[:5], min(abs(x - 50) for x in range(0, 100, 7)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(sum(sum(row) for row in matrix), list(sum(col) for col in zip(*matrix)), max(x for row in matrix for x in row if x % 2 == 0))
print("".join(ch.upper() for ch in "generator" if ch not in "aeiou"), ",".join(str(n) for n in range(5)))
print(dict((k, len(k)) for k in ["one", "three"]), set(n % 3 for n in range(10)), tuple(c for c in "xyz"))
gen = (x for x in [1, 2, 3])
print(3 in gen, list(gen))
def numbers():
    n = 0
    while True:
        n += 1
        yield n
pipeline = (n * n for n in numbers() if n % 3 == 0)
out = []
for v in pipeline:
    if v > 500:
        break
    out.append(v)
print(out)
x = 10
g = (x + i for i in range(3))
x = 100
print(list(g))
ys = [1, 2, 3]
g2 = (y for y in ys)
ys.append(4)
print(list(g2))

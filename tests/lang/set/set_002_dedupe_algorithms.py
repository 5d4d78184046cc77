# Sets in everyday algorithms: dedup, seen-tracking, overlap, cycle detection.
emails = ["ann@x.io", "bob@y.io", "ANN@x.io", "cy@z.io", "bob@y.io", "dee@x.io"]
seen = set()
unique = []
for e in emails:
    k = e.lower()
    if k not in seen:
        seen.add(k)
        unique.append(e)
print(unique, len(seen))
domains = {e.split("@")[1].lower() for e in emails}
print(sorted(domains))
team_a = {"python", "c++", "sql", "go"}
team_b = {"rust", "go", "python", "haskell"}
print(sorted(team_a & team_b), sorted(team_a - team_b), sorted(team_a ^ team_b), len(team_a | team_b))
def has_cycle(succ, start):
    slow = fast = start
    while True:
        slow = succ(slow)
        fast = succ(succ(fast))
        if slow == fast:
            return True
def cycle_length(f, x0):
    seen = {}
    x, i = x0, 0
    while x not in seen:
        seen[x] = i
        x = f(x)
        i += 1
    return i - seen[x], seen[x]
print(cycle_length(lambda x: (x * x + 1) % 255, 3), cycle_length(lambda x: (x * 7 + 3) % 100, 1))
def happy(n):
    seen = set()
    while n != 1 and n not in seen:
        seen.add(n)
        n = sum(int(d) ** 2 for d in str(n))
    return n == 1
print([n for n in range(1, 60) if happy(n)])
primes = set(range(2, 200))
for p in range(2, 15):
    primes -= set(range(p * p, 200, p))
print(sorted(primes)[:20], len(primes))
words = ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault(frozenset(w) if len(set(w)) == len(w) else "".join(sorted(w)), []).append(w)
print(sorted(sorted(g) for g in groups.values()))
grid = ["#..#", ".##.", "#..#"]
cells = {(r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "#"}
print(sorted(cells), len(cells))
def neighbours(cell):
    r, c = cell
    return {(r + dr, c + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc}
def life_step(live):
    candidates = live | {n for cell in live for n in neighbours(cell)}
    return {cell for cell in candidates
            if len(neighbours(cell) & live) == 3 or (cell in live and len(neighbours(cell) & live) == 2)}
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
g = glider
for gen in range(4):
    g = life_step(g)
    print(gen + 1, sorted(g))
print({(r + 1, c + 1) for r, c in glider} == g)
print(sorted({1, 2, 3} - set()), set("abc") == set("cba"), frozenset("ab") in {frozenset("ba")})

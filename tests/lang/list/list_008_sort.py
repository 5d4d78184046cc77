# list.sort and sorted(): keys, reverse, stability, fast paths, errors.
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed
data = [rnd() % 2001 - 1000 for _ in range(500)]
s = sorted(data)
print(s[:10], s[-5:], all(s[i] <= s[i + 1] for i in range(len(s) - 1)))
print(sorted(data, reverse=True)[:5])
floats = [rnd() / 2**31 * 100 - 50 for _ in range(300)]
sf = sorted(floats)
print(all(sf[i] <= sf[i + 1] for i in range(len(sf) - 1)), round(sf[0], 6), round(sf[-1], 6))
words = ['pear', 'apple', 'fig', 'banana', 'kiwi', 'cherry', 'date', 'Éclair', 'éclair', 'zebra', 'Zed', '']
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower))
pairs = [(rnd() % 6, i) for i in range(40)]
print(sorted(pairs, key=lambda p: p[0])[:12])
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:12])
print(sorted([(1, 'b'), (1, 'a'), (0, 'z'), (1,), ()]))
big = [10**20, -10**25, 3, 2**70, -5, 0]
print(sorted(big))
print(sorted([3, 1.5, 2, -0.5, True, False]))
print(sorted([[3], [1, 2], [1], []]))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'K(%r)' % self.v
print(sorted([K(3), K(1), K(2)]))
stable = sorted([K(1), K(0), K(1), K(0)], key=lambda k: k.v)
print([id(k) == id(k) for k in stable], [k.v for k in stable])
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, 2, 1].sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
lst = [3, 2, 1]
try:
    lst.sort(key=lambda x: 1 / (x - 1))
except ZeroDivisionError:
    print("unchanged after key error:", lst)
class Bad:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 2 or o.v == 2:
            raise ValueError("no twos")
        return self.v < o.v
    def __repr__(self): return 'Bad(%d)' % self.v
items = [Bad(i) for i in (5, 3, 2, 4, 1)]
try:
    items.sort()
except ValueError as e:
    print("ValueError:", e, sorted(b.v for b in items))
victim = [5, 4, 3, 2, 1]
def key(x):
    victim.append(x)
    return x
try:
    victim.sort(key=key)
except ValueError as e:
    print("ValueError:", e, victim)
seen = []
def key2(x):
    seen.append(len(victim2))
    return -x
victim2 = [1, 2, 3]
victim2.sort(key=key2)
print(victim2, seen)
print(sorted(range(20), key=lambda x: x % 3))
print(sorted('hello world'), sorted({3: 1, 1: 2, 2: 3}), sorted((5, 4, 6)))
print(sorted([], reverse=True), sorted([1]), sorted([2, 1], key=None))
runs = list(range(100)) + list(range(50)) + list(range(100, 0, -1))
rs = sorted(runs)
print(rs == sorted(runs, key=lambda x: x) and all(rs[i] <= rs[i + 1] for i in range(len(rs) - 1)), len(rs))
cnt = 0
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        global cnt
        cnt += 1
        return self.v < o.v
sorted([C(i) for i in range(100)])
print("comparisons for sorted input:", cnt)
cnt = 0
sorted([C(i) for i in range(100, 0, -1)])
print("comparisons for reversed input:", cnt)

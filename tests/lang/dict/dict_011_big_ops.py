# Larger workloads: growth, deletion patterns, popitem LIFO, copies, merges.
d = {}
for i in range(20000):
    d[i * 7919 % 20011] = i
print(len(d), d[7919], sum(d.values()) % 1000003)
for i in range(0, 20000, 2):
    del d[i * 7919 % 20011]
print(len(d), list(d.items())[:3])
c = d.copy()
print(c == d, len(c), list(c)[:3] == list(d)[:3])
popped = [d.popitem() for _ in range(5)]
print(popped, len(d))
while d:
    d.popitem()
print(d, len(d))
for i in range(100):
    d[str(i)] = i
print(len(d), d['99'], list(d)[:3])
m = dict.fromkeys(range(1000), 0)
m.update({i: 1 for i in range(500, 1500)})
print(len(m), sum(m.values()), list(m)[-1])
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq, max(freq, key=freq.get))
inv = {}
for k, v in freq.items():
    inv.setdefault(v, []).append(k)
print(inv)
s = {}
for i in range(1000):
    s[i] = i
    if i % 3:
        del s[i]
print(len(s), list(s)[:5])
for i in range(50):
    s.popitem()
    s[i + 5000] = i
print(len(s), list(s)[-3:])
cyc = {i: i for i in range(5)}
for i in range(100000):
    k, v = cyc.popitem()
    cyc[k + 7] = v
print(len(cyc), sorted(cyc)[:3], 12 in cyc, -1 in cyc)
churn = {}
for i in range(50000):
    churn[i] = i
    del churn[i]
print(churn, len(churn), 49999 in churn)

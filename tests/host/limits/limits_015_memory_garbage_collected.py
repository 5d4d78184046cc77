# flags: --max-memory=32M
# exit: 0
# stdout: ok
# Garbage is collected before it could make an allocation fail: a loop that
# allocates far more than the limit in total, but little at a time, runs.
total = 0
for i in range(2000):
    s = "x" * (2**20)
    l = [i] * 50000
    total += len(s) + len(l)
d = {}
for i in range(200000):
    d[i % 1000] = str(i) * 10
print("ok" if total > 2000 * 2**20 else total)

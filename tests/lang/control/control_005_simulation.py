# A bank-queue simulation driven by a deterministic pseudo-random generator.
class LCG:
    def __init__(self, seed):
        self.state = seed
    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return self.state >> 33
    def randint(self, lo, hi):
        return lo + self.next() % (hi - lo + 1)
rng = LCG(2024)
tellers = [None, None, None]
queue = []
served = 0
waits = []
log_every = 20
for tick in range(120):
    arrivals = 1 if rng.randint(1, 10) <= 6 else 0
    if rng.randint(1, 20) == 1:
        arrivals += 2
    for _ in range(arrivals):
        queue.append((tick, rng.randint(2, 7)))
    for i in range(len(tellers)):
        t = tellers[i]
        if t is not None:
            remaining = t - 1
            if remaining == 0:
                tellers[i] = None
                served += 1
            else:
                tellers[i] = remaining
        if tellers[i] is None and queue:
            arrived, duration = queue.pop(0)
            waits.append(tick - arrived)
            tellers[i] = duration
    if tick % log_every == 0:
        busy = sum(1 for t in tellers if t is not None)
        print(f"tick {tick:3d}: queue={len(queue):2d} busy={busy} served={served}")
print("served", served, "still waiting", len(queue))
print("avg wait", round(sum(waits) / len(waits), 3), "max wait", max(waits))
hist = {}
for w in waits:
    bucket = w // 5 * 5
    hist[bucket] = hist.get(bucket, 0) + 1
for bucket in sorted(hist):
    print(f"{bucket:3d}-{bucket + 4:<3d} {'#' * hist[bucket]}")

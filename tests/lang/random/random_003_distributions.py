# Continuous distributions and weighted choices, seeded.
import random

random.seed(99)
print([random.uniform(-1, 1) for _ in range(3)])
print([random.triangular(0, 10, 3) for _ in range(3)], random.triangular(), random.triangular(1, 1))
print([random.gauss(100, 15) for _ in range(4)])
print([random.normalvariate(0, 1) for _ in range(4)])
print([random.lognormvariate(0, 0.5) for _ in range(3)])
print([random.expovariate(2.5) for _ in range(3)])
print([random.vonmisesvariate(1.0, k) for k in (0, 1e-7, 0.5, 4.0, 50.0)])
print([random.gammavariate(a, 2.0) for a in (0.3, 1.0, 2.5, 9.0)])
print([random.betavariate(a, b) for a, b in ((0.5, 0.5), (2, 5), (5, 1))])
print([random.paretovariate(3.0) for _ in range(3)])
print([random.weibullvariate(1.0, 1.5) for _ in range(3)])
print(random.choices(range(10), k=8))
print(random.choices('abc', weights=[5, 1, 1], k=10))
print(random.choices('abc', cum_weights=[1, 2, 10], k=10))
print(random.choices(['x', 'y'], [0.3, 0.7]))
print(random.choices([1, 2, 3], k=0))
for f in [lambda: random.choices('ab', [1], k=2), lambda: random.choices('ab', [0, 0]),
          lambda: random.choices('ab', [1, 2], cum_weights=[1, 2]), lambda: random.choices('ab', 3),
          lambda: random.choices('ab', [1, float('inf')]), lambda: random.gammavariate(-1, 1),
          lambda: random.expovariate(0), lambda: random.choices([], k=1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
r = random.Random(5)
g = [r.gauss() for _ in range(3)]
st = r.getstate()
print(g, st[2])
r.setstate(st)
print(r.gauss() == st[2])

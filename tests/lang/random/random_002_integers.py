# randrange / randint / choice / shuffle / sample consume bits exactly as CPython.
import random

random.seed(1234)
print([random.randrange(10) for _ in range(20)])
print([random.randrange(5, 50, 5) for _ in range(10)])
print([random.randrange(100, 0, -7) for _ in range(10)])
print([random.randint(-3, 3) for _ in range(20)])
print(random.randrange(10**30), random.randrange(-10**25, 10**25), random.randint(1, 2**70))
print([random.randrange(1) for _ in range(3)], random.randrange(2**53 + 1))
print([random.choice('abcdefghij') for _ in range(15)])
print(random.choice([None, 1.5, 'x']), random.choice(range(1000)), random.choice((1, 2)))
lst = list(range(30))
random.shuffle(lst)
print(lst)
words = ['alpha', 'beta', 'gamma', 'delta']
random.shuffle(words)
print(words)
print(random.sample(range(100), 10))
print(random.sample(range(10**9), 5))
print(random.sample('abcdefgh', 8))
print(random.sample(['red', 'blue'], 5, counts=[4, 2]))
print(random.sample(range(40), 25))
print(random.sample(range(1000), 30)[-5:])
print(random.sample([1, 2, 3], 0))
for args in [(5, 5), (10, 2), (0,), (-3,), (1, 10, 0), (1, 2, -1)]:
    try:
        print(random.randrange(*args))
    except Exception as e:
        print(type(e).__name__, e)
for f in [lambda: random.choice([]), lambda: random.choice(''), lambda: random.sample([1, 2], 3),
          lambda: random.sample([1, 2], -1), lambda: random.sample({1, 2}, 1),
          lambda: random.sample([1, 2], 1, counts=[1]), lambda: random.sample([1, 2], 1, counts=[0, 0]),
          lambda: random.randrange(1.5), lambda: random.randrange(3, 10.5), lambda: random.randrange('3'),
          lambda: random.randint(1, 0), lambda: random.getrandbits(-1), lambda: random.randrange(1, 5, 1.5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

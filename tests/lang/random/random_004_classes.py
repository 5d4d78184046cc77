# Random instances, subclasses and the module-level generator.
import random

class Fixed(random.Random):
    """Only random() overridden: _randbelow uses random()."""
    def random(self):
        return 0.3

class Bits(random.Random):
    """getrandbits() overridden: _randbelow uses it."""
    def getrandbits(self, k):
        return k

f = Fixed(0)
print(f.randrange(10), f.choice('abcdef'), f.randint(1, 6), f.uniform(0, 10))
b = Bits()
print(b.randrange(10), b.choice([1, 2, 3]))
r = random.Random(3)
print(type(r).__name__, isinstance(r, random.Random), r.gauss_next)
print(r.random(), r.randint(1, 10))
r.seed(3)
print(r.random(), r.randint(1, 10))
class WithInit(random.Random):
    def __init__(self, x):
        super().__init__(x * 2)
        self.x = x
w = WithInit(21)
print(w.x, w.random() == random.Random(42).random())
print(random.Random(42).sample(range(20), 4) == random.Random(42).sample(range(20), 4))
random.seed(2023)
a = random.random()
random.seed(2023)
print(a == random.random(), random.getstate()[0])
print(sorted(n for n in random.__all__)[:6])
print(random.Random.__mro__[0].__name__, callable(random.seed), callable(random.SystemRandom))
try:
    random.Random().setstate((2, tuple(range(625)), None))
    print('version 2 ok')
except Exception as e:
    print(type(e).__name__, e)
for bad in [(9, (), None), (3, (1, 2), None), (3, tuple(range(624)) + (625,), None)]:
    try:
        random.Random().setstate(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    random.seed([1, 2])
except TypeError as e:
    print('TypeError', e)

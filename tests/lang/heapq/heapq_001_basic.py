import heapq
class _Rand:
    def __init__(self, seed): self.s = seed
    def random(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2**64
        return (self.s >> 11) / 2**53
    def uniform(self, a, b): return a + (b - a) * self.random()
    def randrange(self, n): return int(self.random() * n)
    def randint(self, a, b): return a + int(self.random() * (b - a + 1))
random = _Rand(12345)
from heapq import *
def t(f, *a, **k):
    try: print(repr(f(*a, **k)))
    except Exception as e: print(type(e).__name__, e)
data = [random.randrange(100) for i in range(50)]
h = []
for x in data: heappush(h, x)
print(h)
h2 = list(data); heapify(h2); print(h2)
print([heappop(h) for i in range(10)], h[:10])
print(heapreplace(h, 50), heappushpop(h, 1), heappushpop(h, 99), h[:5])
t(heappop, [])
t(heapreplace, [], 1)
print(heappushpop([], 5))
t(heappush, (), 1)
t(heappush, [])
t(heapify, [1, 'a', 2, 3])
print(nlargest(3, data), nsmallest(3, data), nlargest(3, data, key=lambda x: -x), nsmallest(0, data), nlargest(100, [3,1,2]))
print(nlargest(1, []), nsmallest(1, [5, 3]), nlargest(2, iter(data)), nsmallest(4, iter(data), key=lambda x: x % 10))
pairs = [(i % 3, i) for i in range(20)]
print(nsmallest(5, iter(pairs), key=lambda p: p[0]), nlargest(5, iter(pairs), key=lambda p: p[0]))
print(list(merge([1,3,5,7], [0,2,4,8], [5,10,15,20], [], [25])))
print(list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(merge([7,5,1], [8,4,2], reverse=True)), list(merge()), list(merge([1])))
print(list(merge([(1,'a'),(2,'b')], [(1,'c'),(2,'d')], key=lambda p: p[0])))
print(list(merge([(2,'a'),(1,'b')], [(2,'c'),(1,'d')], key=lambda p: p[0], reverse=True)))
print(heapq.__all__)

# Iteration order of int sets follows CPython's table layout exactly.
print({9, 1, 2, 3}, {3, 1, 2}, {100, 5, 33, 8, 64, 1}, set([16, 8, 0, 24]))
s = set()
for i in (9, 1, 2, 3, 17, 25, 33):
    s.add(i)
print(s)
s.discard(1)
s.add(41)
print(s)
print(set(range(20)), set(range(100, 0, -7)))
print({-1, -2, -3, 0}, {2**40, 2**40 + 8, 7}, {10**20, 3})
big = set(range(0, 3000, 7))
print(len(big), list(big)[:10], list(big)[-5:])
for i in range(0, 3000, 14):
    big.discard(i)
print(len(big), list(big)[:8])
u = {1, 2, 3} | {100, 4}
print(u, {1, 2, 3} & {3, 2, 99}, {1, 2, 3} - {2}, {1, 2, 3} ^ {3, 4, 5})
print({5, 6} | {1}, {1} | {5, 6}, {8, 16, 24} | {0, 32})
t = {1, 2, 3}
t.update([10, 20], (30,), {40: 'x'})
print(t)
print(set({3: 1, 1: 2, 2: 3}), set('a'), frozenset([3, 1, 2]))
popped = []
p = {5, 13, 21, 2, 7}
while p:
    popped.append(p.pop())
print(popped)
q = {1, 2, 3, 4}
print(q.pop(), q.pop(), q)
q.add(1)
print(q.pop(), q)
sd = {1, 2, 3, 4, 5}
sd.symmetric_difference_update({4, 5, 6, 7})
print(sd)
sd.intersection_update([1, 6, 7, 100])
print(sd)
sd.difference_update(range(7))
print(sd)
print({1.5, 2.5, 0.5}, {True, 2, 0.0}, {(1, 2), (0,)} == {(0,), (1, 2)})

# Insertion order, deletion holes, reinsertion, views and their set operations.
d = {}
for i in range(10):
    d[i] = i * i
for i in range(0, 10, 2):
    del d[i]
d[0] = 'back'
d[3] = 'updated'
print(d, list(d), list(d.values()), list(d.items())[:3])
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items()))[:2])
k, v, it = d.keys(), d.values(), d.items()
print(k, len(k), 3 in k, 4 in k, (3, 'updated') in it, (3, 9) in it, 'back' in v, [] in k if False else 'skip')
d[100] = 1
print(k, len(v))
print(k & {1, 3, 99}, {1, 3, 99} & k, k | {7}, k - {1, 3}, {1, 2} - k, k ^ {1, 2})
print(sorted(it & {(1, 1), (3, 'updated'), (5, 0)}), sorted(it - {(1, 1)})[:2])
print(k == {0, 1, 3, 5, 7, 9, 100}, k != set(), k < set(range(200)), k >= {1}, k > k, k <= k)
print(k.isdisjoint([2, 4]), k.isdisjoint({1}), it.isdisjoint([(1, 1)]))
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__)
try:
    hash(k)
except TypeError as e:
    print("TypeError:", e)
try:
    k[0]
except TypeError as e:
    print("TypeError:", e)
x = {1: 'a', 2: 'b'}
print(x.items() ^ {(1, 'a'), (3, 'c')} == {(2, 'b'), (3, 'c')})
print({1: 'a', 2: 'b'}.items() ^ {2: 'z', 1: 'a'}.items() == {(2, 'b'), (2, 'z')})
print(list({}.keys()), {}.keys() & [1], {}.keys() | [2])
try:
    print(1 | {}.keys())
except TypeError as e:
    print("TypeError:", e)
print(repr({}.values()), repr({'q': [1]}.items()))
a = {}
a['self'] = a.keys()
print(a)
big = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:], big[998], sum(big))
for i in range(0, 1000, 3):
    big[i] = 'r'
print(len(big), list(big)[-3:])
s = {'one': 1}
s.pop('one')
s['two'] = 2
s['one'] = 1
print(s)

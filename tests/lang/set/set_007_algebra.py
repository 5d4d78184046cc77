# Set algebra identities and mixed-type operands.
U = set(range(12))
samples = [set(), {1}, {1, 2, 3}, set(range(0, 12, 2)), set(range(0, 12, 3)), set(range(5, 12))]
ok = True
for a, b, c in [(a, b, c) for a in samples for b in samples for c in samples]:
    ok &= (a | b) == (b | a)
    ok &= (a & b) == (b & a)
    ok &= (a | (b & c)) == ((a | b) & (a | c))
    ok &= (a - b) == (a & (U - b))
    ok &= (a ^ b) == ((a - b) | (b - a))
    ok &= ((a <= b) == (a | b == b))
    ok &= a.isdisjoint(b) == (not (a & b))
print(ok)
a = {1, 2, 3}
print(a | frozenset({4}), frozenset({4}) | a, a & frozenset({2}), frozenset({2, 9}) - a)
print(a.union(range(5)), a.intersection('123', [1]), a.difference(range(2)), a.symmetric_difference([3, 4, 4]))
print(a.union({}), a.intersection({1: 'x', 2: 'y'}), a.difference({3: 0}), a.symmetric_difference({1: 0, 9: 0}))
b = set(range(100))
print(len(b - set(range(0, 100, 2))), len(b & set(range(50, 150))), len(b | set(range(50, 150))), len(b ^ set(range(50, 150))))
small = {1, 2}
large = set(range(1000))
print(small - large, large - small == set(range(3, 1000)) | {0}, small & large, len(large & small))
x = set(range(10))
x -= set(range(0, 10, 2))
x &= set(range(5))
x |= {100}
x ^= {1, 200}
print(x)
y = {1, 2, 3}
y -= y
print(y)
z = {1, 2}
z ^= z
print(z)
w = {1, 2}
w |= w
w &= w
print(w)
print({1, 2} <= {1, 2, 3} <= {1, 2, 3, 4}, {1} < {1}, {1, 2} > {2}, {1} >= set())
print(set('abc') == set('cab'), frozenset('ab') == {'a', 'b'}, {1, 2} != {1, 2.0})

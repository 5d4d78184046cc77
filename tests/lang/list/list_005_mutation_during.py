# Lists mutated while building, copying shallow vs deep, identity in containers.
orig = [[1, 2], [3, 4]]
shallow = orig[:]
shallow2 = list(orig)
shallow3 = orig.copy()
shallow[0].append(99)
print(orig, shallow2, shallow3, shallow is orig, shallow[0] is orig[0])
def deep(x):
    if isinstance(x, list):
        return [deep(i) for i in x]
    if isinstance(x, dict):
        return {k: deep(v) for k, v in x.items()}
    return x
d = deep(orig)
d[1].append(5)
print(orig, d)
lst = [1, 2, 3, 4, 5, 6]
evens_removed = [x for x in lst if x % 2]
print(evens_removed)
i = 0
while i < len(lst):
    if lst[i] % 2 == 0:
        del lst[i]
    else:
        i += 1
print(lst)
buf = [0]
for x in buf:
    if x < 5:
        buf.append(x + 1)
print(buf)
cyc = [1, 2]
cyc.append(cyc)
print(cyc, len(cyc), cyc[2] is cyc, cyc[2][2][0])
dd = {"k": []}
dd["k"].append(dd)
print(dd)
acc = []
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i * 10)
print([f() for f in funcs])
items = list(range(10))
items[2:8:2] = ["a", "b", "c"]
print(items)
try:
    items[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2, 3][5]
except IndexError as e:
    print("IndexError:", e)
try:
    [][0] = 1
except IndexError as e:
    print("IndexError:", e)
a = [1, 2, 3]
a[len(a):] = [4, 5]
a[:0] = [0]
print(a, a[-1], a[len(a) - 1])
m = [0] * 5
m[1] = m[3] = 7
print(m, m.count(7), m.index(7))

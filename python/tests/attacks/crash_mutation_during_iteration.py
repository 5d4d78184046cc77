# family: crash
# expect: ok
# check: output-contains done
# why: Mutating containers while native code iterates them (sort with a mutating key, dict and list changed during iteration, set changed in __eq__) must raise or carry on, never crash.
items = list(range(100))
def key(x):
    items.append(x)
    return -x
try:
    items.sort(key=key)
except ValueError as e:
    print('sort', type(e).__name__)
d = {i: i for i in range(10)}
try:
    for k in d:
        d[k + 100] = 1
except RuntimeError as e:
    print('dict', type(e).__name__)
armed = False
class Evil:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        if armed:
            victims.clear()
        return False
victims = {Evil() for _ in range(20)}
armed = True
try:
    Evil() in victims
except RuntimeError:
    pass
lst = [1, 2, 3]
it = iter(lst)
lst.clear()
print(list(it))
b = bytearray(b'abc')
for ch in b:
    if len(b) < 1000:
        b.extend(b'x')
print('done')

# yield from: delegation, return values, send/throw passthrough, recursive generators.
def inner():
    received = yield "inner-1"
    print("  inner got", received)
    yield "inner-2"
    return "inner-result"
def outer():
    result = yield from inner()
    print("  outer got result", result)
    yield "outer-done"
g = outer()
print(next(g))
print(g.send("hello"))
print(next(g))
print(next(g, "exhausted"))
def count_to(n):
    yield from range(1, n + 1)
    return n
def summarize():
    total = 0
    for n in (3, 2, 4):
        last = yield from count_to(n)
        total += last
    return total
def drive(gen):
    items = []
    while True:
        try:
            items.append(next(gen))
        except StopIteration as stop:
            return items, stop.value
print(drive(summarize()))
def tree(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for ch in children:
        yield from tree(ch, depth + 1)
fs = ("/", [("bin", [("ls", []), ("cat", [])]), ("home", [("ann", [("notes.txt", [])])]), ("tmp", [])])
for line in tree(fs):
    print(line)
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("  catcher handled", e)
def delegator():
    yield from catcher()
d = delegator()
next(d)
print(d.throw(ValueError("passed through")))
d.close()
print("closed delegator")
def yf_iterables():
    yield from "ab"
    yield from [1, 2]
    yield from {"k": 0}
    yield from (x * 10 for x in range(2))
print(list(yf_iterables()))
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest
print(["".join(p) for p in permutations("abc")], sum(1 for _ in permutations(list(range(5)))))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1], (2, 3), "xy", range(2))))
def inorder(t):
    if t:
        left, val, right = t
        yield from inorder(left)
        yield val
        yield from inorder(right)
def insert(t, v):
    if t is None:
        return (None, v, None)
    left, val, right = t
    if v < val:
        return (insert(left, v), val, right)
    return (left, val, insert(right, v))
root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 65]:
    root = insert(root, v)
print(list(inorder(root)))

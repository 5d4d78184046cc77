# Lazy evaluation order with generators: interleaving side effects, exceptions propagating at the right time.
log = []
def source(n):
    for i in range(n):
        log.append(f"produce {i}")
        yield i
def double(it):
    for x in it:
        log.append(f"double {x}")
        yield x * 2
def sink(it):
    for x in it:
        log.append(f"consume {x}")
sink(double(source(3)))
print("\n".join(log))
def explode_at(n):
    for i in range(10):
        if i == n:
            raise ValueError(f"exploded at {i}")
        yield i
g = (x * 10 for x in explode_at(3))
got = []
try:
    for v in g:
        got.append(v)
except ValueError as e:
    print(got, e)
try:
    gx = (1 / x for x in [1, 0])
    print("generator created without error")
    print(list(gx))
except ZeroDivisionError as e:
    print("ZeroDivisionError when iterated:", e)
try:
    bad = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
def fresh():
    print("  body starts")
    yield 1
print("calling fresh()")
f = fresh()
print("about to iterate")
print(list(f))
def windows(seq, n):
    it = iter(seq)
    win = []
    for x in it:
        win.append(x)
        if len(win) == n:
            yield tuple(win)
            win.pop(0)
print(list(windows(range(6), 3)), list(windows("ab", 3)))
def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
def drop_while(pred, it):
    it = iter(it)
    for x in it:
        if not pred(x):
            yield x
            break
    yield from it
print(list(take_while(lambda x: x < 5, [1, 3, 6, 2])), list(drop_while(lambda x: x < 5, [1, 3, 6, 2])))
def group_by(items, key):
    it = iter(items)
    try:
        cur = next(it)
    except StopIteration:
        return
    group = [cur]
    for x in it:
        if key(x) == key(group[0]):
            group.append(x)
        else:
            yield key(group[0]), group
            group = [x]
    yield key(group[0]), group
print(list(group_by("aaabccdaa", lambda c: c)), list(group_by([1, 3, 5, 2, 4, 7], lambda n: n % 2)), list(group_by([], len)))
def accumulate(it, fn=lambda a, b: a + b):
    it = iter(it)
    try:
        total = next(it)
    except StopIteration:
        return
    yield total
    for x in it:
        total = fn(total, x)
        yield total
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate("abc")))
def cycle(seq):
    while True:
        yield from seq
c = cycle("RGB")
print([next(c) for _ in range(7)])
def product(*pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for r in result:
        yield tuple(r)
print(list(product("ab", [1, 2])), len(list(product(range(3), range(3), range(2)))))

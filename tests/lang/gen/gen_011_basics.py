# Generator basics: iteration, state, locals preserved across yields.
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

print(list(count(5)))
g = count(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(15)])

def with_return():
    yield 1
    return "done"

g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)

# exhausted generators stay exhausted
try:
    next(g)
except StopIteration as e:
    print("again:", e.args)

print(type(count(1)).__name__)
g = count(2)
print(iter(g) is g)
print(g.__name__, g.__qualname__)

def outer():
    def inner():
        yield 1
    return inner()
print(outer().__qualname__)

# generators in for loops with break / else
for x in count(10):
    if x == 3:
        break
else:
    print("not reached")
print("broke at", x)

for x in count(2):
    pass
else:
    print("else ran", x)

# sum / max / sorted consume generators
print(sum(count(101)), max(count(7)), sorted(count(4), reverse=True))

# closures over generator state
def make():
    total = 0
    def acc():
        nonlocal total
        while True:
            v = yield total
            total += v
    return acc()
a = make()
next(a)
print(a.send(5), a.send(10), a.send(-3))

# gi_running / gi_suspended
def check():
    yield g2.gi_running
g2 = check()
print(g2.gi_running, g2.gi_suspended)
print(next(g2))
print(g2.gi_suspended)

# send(): values flowing into generators.
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received

g = echo()
print(g.send(None))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

g = echo()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)

# send after exhaustion raises StopIteration
def one():
    yield 1
g = one()
next(g)
try:
    g.send(None)
except StopIteration:
    print("done")
try:
    g.send(5)
except StopIteration as e:
    print("still done", e.args)

# averaging coroutine
def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        term = yield avg
        total += term
        count += 1
        avg = total / count

a = averager()
next(a)
for v in [10, 30, 5, 7]:
    print(a.send(v))

# generator already executing
def self_ref():
    yield gen.send(None)
gen = self_ref()
try:
    next(gen)
except ValueError as e:
    print("ValueError:", e)

# send with yield expressions in odd places
def weird():
    x = [(yield 1), (yield 2)]
    y = (yield x) + 10
    return y

w = weird()
print(next(w))
print(w.send("first"))
print(w.send("second"))
try:
    w.send(5)
except StopIteration as e:
    print("result", e.value)

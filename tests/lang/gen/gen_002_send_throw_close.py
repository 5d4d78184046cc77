# Generator methods: send(), throw(), close(), GeneratorExit, and coroutine-style consumers.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(next(acc), acc.send(10), acc.send(5), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("final total", e.value)
def averager():
    count, total, avg = 0, 0.0, None
    while True:
        try:
            x = yield avg
        except ValueError as e:
            print("  averager got error:", e)
            continue
        count += 1
        total += x
        avg = total / count
av = averager()
next(av)
for v in [10, 20, 60]:
    print(av.send(v))
print(av.throw(ValueError("bad sample")))
print(av.send(10))
def guarded():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  cleanup on close")
        raise
    finally:
        print("  finally on close")
g = guarded()
print(next(g))
g.close()
g.close()
print(next(g, "closed generator is exhausted"))
def refuses_close():
    try:
        yield 1
    except GeneratorExit:
        yield "not allowed"
r = refuses_close()
next(r)
try:
    r.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def thrower():
    try:
        yield "ready"
    except KeyError as e:
        yield f"handled {e!r}"
    yield "after"
t = thrower()
print(next(t), t.throw(KeyError("k")), next(t))
t2 = thrower()
try:
    t2.throw(IndexError("before start"))
except IndexError as e:
    print("propagated unstarted:", e)
print(next(t2, "t2 finished"))
def not_started():
    yield 1
ns = not_started()
try:
    ns.send("x")
except TypeError as e:
    print("TypeError:", e)
def grep(pattern):
    print(f"  looking for {pattern!r}")
    matches = []
    try:
        while True:
            line = yield
            if pattern in line:
                matches.append(line)
    except GeneratorExit:
        print("  matches:", matches)
sink = grep("py")
next(sink)
for line in ["python rocks", "java", "capy runs py", "rust"]:
    sink.send(line)
sink.close()
def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == "stop":
            return received
e = echo()
next(e)
for word in ["a", "b"]:
    e.send(word)
try:
    e.send("stop")
except StopIteration as s:
    print("echo returned", s.value)
def gen_state():
    yield 1
gs = gen_state()
print(next(gs), next(gs, "end"))

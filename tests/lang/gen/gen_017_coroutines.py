# Coroutines (async def / await) driven manually: no event loop.
import types

async def add(a, b):
    return a + b

async def compute():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y

c = compute()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result:", e.value)

# a custom awaitable that yields to the driver
class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got

async def worker(name):
    a = await Suspend(name + ":1")
    b = await Suspend(name + ":2")
    return (a, b)

def run(coro, replies):
    out = coro.send(None)
    log = [out]
    for r in replies:
        try:
            out = coro.send(r)
            log.append(out)
        except StopIteration as e:
            log.append(("done", e.value))
            break
    return log

print(run(worker("w"), ["A", "B", "C"]))

# a tiny round-robin scheduler
def scheduler(coros):
    queue = list(coros)
    results = {}
    values = {id(c): None for c in queue}
    while queue:
        c = queue.pop(0)
        try:
            v = c.send(values[id(c)])
            values[id(c)] = v.upper() if isinstance(v, str) else v
            queue.append(c)
        except StopIteration as e:
            results[c.__name__] = e.value
    return results

async def job1():
    r = await Suspend("a")
    s = await Suspend("b")
    return r + s
async def job2():
    return await Suspend("z")
print(sorted(scheduler([job1(), job2()]).items()))

# throw into a coroutine
async def guarded():
    try:
        await Suspend(1)
    except ValueError as e:
        return "caught " + str(e)
c = guarded()
c.send(None)
try:
    c.throw(ValueError("bad"))
except StopIteration as e:
    print(e.value)

# close a suspended coroutine
async def closing():
    try:
        await Suspend(1)
    finally:
        print("coroutine finally")
c = closing()
c.send(None)
c.close()

# reusing an awaited coroutine
c = add(1, 1)
try:
    c.send(None)
except StopIteration:
    pass
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# await on a non-awaitable
async def bad_await():
    await 5
try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError:", e)

# coroutines are not iterable
try:
    iter(add(1, 2))
except TypeError as e:
    print("TypeError:", e)

# __await__ wrapper
c = add(2, 3)
w = c.__await__()
try:
    next(w)
except StopIteration as e:
    print("via __await__:", e.value)

# types.coroutine-like generator based awaitable through __await__ returning a generator
class Gen:
    def __await__(self):
        yield "from-gen"
        return 42
async def use_gen():
    return await Gen()
c = use_gen()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
print(c.cr_running, c.cr_suspended, c.cr_await)

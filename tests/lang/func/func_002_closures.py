# Closures, nonlocal, late binding, counters, factories.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10)
print(inc(), inc(), inc(5), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
def make_multipliers():
    return [lambda x: x * i for i in range(4)]
print([m(10) for m in make_multipliers()])
def make_multipliers_fixed():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(10) for m in make_multipliers_fixed()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "rebound"
    return middle()()
print(outer())
def accumulator():
    total = 0
    history = []
    def add(v):
        nonlocal total
        total += v
        history.append(total)
        return total
    add.history = history
    return add
acc = accumulator()
for v in [5, 10, -3]:
    acc(v)
print(acc.history, acc(0))
def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed
inc1 = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc1, dbl)(5), compose(dbl, inc1)(5), compose()(7), compose(str, abs, dbl)(-4))
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def nonlocal_chain():
    a = 1
    def lvl1():
        nonlocal a
        a += 10
        def lvl2():
            nonlocal a
            a += 100
            return a
        return lvl2()
    r = lvl1()
    return r, a
print(nonlocal_chain())
def closure_over_loop():
    fns = []
    for name in ["a", "b", "c"]:
        def show(n=name):
            return n.upper()
        fns.append(show)
    return [f() for f in fns]
print(closure_over_loop())
def cell_shared():
    value = 0
    def setter(v):
        nonlocal value
        value = v
    def getter():
        return value
    return setter, getter
s, g = cell_shared()
s(42)
print(g())
s("changed")
print(g())
print(make_counter.__name__, inc.__name__, type(inc).__name__, callable(inc))
def partial(fn, *bound, **kbound):
    def call(*args, **kwargs):
        return fn(*bound, *args, **{**kbound, **kwargs})
    return call
power = partial(pow, 2)
print(power(10), partial(sorted, reverse=True)([1, 3, 2]), partial(max, key=len)("a", "abc", "ab"))

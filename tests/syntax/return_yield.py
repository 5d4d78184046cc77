def f():
    return
def f():
    return 1
def f():
    return 1, 2
def f():
    return *a, b
def g():
    yield
def g():
    yield 1
def g():
    yield 1, 2
def g():
    yield *a, b
def g():
    yield from x
def g():
    x = yield
    y = yield 1
    z = yield from w
    a = (yield)
    b = (yield 1)
    f((yield))
    print((yield x), (yield from y))
    await_result = [(yield i) for i in range(3)]

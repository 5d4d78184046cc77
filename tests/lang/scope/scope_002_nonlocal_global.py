# nonlocal and global interplay, closures over loop variables, cells shared between closures.
def bank():
    balance = 0
    history = []
    def deposit(n):
        nonlocal balance
        balance += n
        history.append(("dep", n))
    def withdraw(n):
        nonlocal balance
        if n > balance:
            history.append(("denied", n))
            return False
        balance -= n
        history.append(("wd", n))
        return True
    def report():
        return balance, list(history)
    return deposit, withdraw, report
dep, wd, rep = bank()
dep(100); wd(30); wd(500); dep(5)
print(rep())
level = 0
def outer_global():
    global level
    level += 1
    def inner():
        global level
        level += 10
    inner()
    return level
print(outer_global(), outer_global(), level)
def mix():
    g_or_n = "enclosing"
    def f():
        global g_or_n
        g_or_n = "global now"
    def h():
        nonlocal g_or_n
        g_or_n = "enclosing changed"
    f()
    h()
    return g_or_n
print(mix(), g_or_n)
def counter_factory():
    count = 0
    def make():
        def inc():
            nonlocal count
            count += 1
            return count
        return inc
    return make(), make()
i1, i2 = counter_factory()
print(i1(), i2(), i1(), i2())
def closures_in_loop():
    result = []
    for i in range(3):
        def show():
            return i
        result.append(show)
    return [f() for f in result]
print(closures_in_loop())
def closures_with_factory():
    def make(i):
        return lambda: i
    return [make(i)() for i in range(3)]
print(closures_with_factory())
def late_binding_modified():
    val = "initial"
    get = lambda: val
    val = "modified"
    return get()
print(late_binding_modified())
def param_is_local(x):
    def inner():
        return x * 2
    x = x + 1
    return inner()
print(param_is_local(5))
def deep_nonlocal():
    v = 0
    def a():
        def b():
            def c():
                nonlocal v
                v += 1
            c(); c()
        b()
    a(); a()
    return v
print(deep_nonlocal())
def generator_closure():
    total = 0
    def gen():
        nonlocal total
        for i in range(4):
            total += i
            yield total
    return list(gen()), total
print(generator_closure())

# Decorators: plain, parameterised, stacked, class-based, on methods; attribute propagation by hand.
calls = []
def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(f"{fn.__name__}{args}")
        return fn(*args, **kwargs)
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper
@trace
def add(a, b):
    """Add two numbers."""
    return a + b
print(add(2, 3), add(10, -1), calls, add.__name__, add.__doc__, add.__wrapped__(1, 1))
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def greet(name):
    return f"hi {name}"
print(greet("ann"))
def bold(fn):
    return lambda *a: "<b>" + fn(*a) + "</b>"
def italic(fn):
    return lambda *a: "<i>" + fn(*a) + "</i>"
@bold
@italic
def text(s):
    return s
print(text("stacked"))
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0
    def __call__(self, *args):
        self.count += 1
        return self.fn(*args)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.count)
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("double")
def _d(x):
    return 2 * x
@register("negate")
def _n(x):
    return -x
print(sorted(registry), [registry[k](7) for k in sorted(registry)])
def validate(**types):
    def deco(fn):
        def wrapper(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs.get(k), t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return fn(**kwargs)
        return wrapper
    return deco
@validate(name=str, age=int)
def person(name, age):
    return f"{name} ({age})"
print(person(name="Zoe", age=30))
try:
    person(name="Zoe", age="old")
except TypeError as e:
    print("TypeError:", e)
class Service:
    def __init__(self):
        self.log = []
    def __repr__(self):
        return "<Service>"
    @staticmethod
    def helper(x):
        return x + 1
    @classmethod
    def create(cls):
        return cls()
    @trace
    def work(self, n):
        self.log.append(n)
        return self.helper(n)
s = Service.create()
print(s.work(5), s.work(6), s.log, calls[-2:])
def once(fn):
    done = []
    def wrapper(*a):
        if not done:
            done.append(fn(*a))
        return done[0]
    return wrapper
@once
def init(v):
    print("initialising with", v)
    return v * 10
print(init(1), init(2), init(3))
deco_order = []
def mark(label):
    deco_order.append(f"factory {label}")
    def deco(fn):
        deco_order.append(f"apply {label}")
        return fn
    return deco
@mark("outer")
@mark("inner")
def decorated():
    pass
print(deco_order)

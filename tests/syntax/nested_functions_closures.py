def make_counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    return inc

def deco(arg):
    def wrap(fn):
        def inner(*a, **k):
            return fn(*a, **k)
        return inner
    return wrap

g = (lambda x: (lambda y: x + y))(1)(2)

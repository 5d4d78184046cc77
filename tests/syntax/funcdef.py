def f(): pass
def f(a): pass
def f(a, b): pass
def f(a, b=1): pass
def f(a=1, b=2): pass
def f(*args): pass
def f(**kwargs): pass
def f(*args, **kwargs): pass
def f(a, *args, b, c=1, **kwargs): pass
def f(*, a): pass
def f(*, a=1, b): pass
def f(a, /): pass
def f(a, /, b): pass
def f(a, b, /, c, d, *, e, f): pass
def f(a=1, /, b=2, *, c=3): pass
def f(a, b=1, /, c=2, *d, e, f=3, **g): pass
def f(a,): pass
def f(*, a,): pass
def f(**k,): pass
def f(a, /,): pass
def f(
    a,
    b=2,
    *c,
    **d,
):
    return a
def outer():
    def inner():
        def innermost():
            return 1
        return innermost
    return inner
def f():
    """docstring"""
    x = 1
    return x

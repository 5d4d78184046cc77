# Functions: defaults, annotations, closures, nonlocal, lambdas, decorators.
def plain(a, b=2, *args, c, d=4, **kw) -> int:
    """Docstring."""
    return a + b


def posonly(a, /, b, *, c):
    return a, b, c


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


def cell_param(x):
    return lambda: x


@decorator
@factory(arg)
def decorated():
    pass


square = lambda n: n * n
g = 0


def uses_global():
    global g
    g = g + 1
    del g

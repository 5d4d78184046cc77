# Parameters: defaults, *args, **kwargs, keyword-only, positional-only, and how calls bind them.
def f(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3))
print(f(1, c=3, d=9, e=10, z=0))
print(f(*[1, 2, 3], **{"c": 0, "extra": True}))
print(f(a=1, c=2))
def pos_only(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def kw_names(a, /, **kw):
    return a, kw
print(kw_names(1, a=2))
def defaults_evaluated_once(x, acc=[]):
    acc.append(x)
    return acc
print(defaults_evaluated_once(1), defaults_evaluated_once(2), defaults_evaluated_once(3, []))
def safer(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safer(1), safer(2))
counter = 10
def default_snapshot(v=counter):
    return v
counter = 20
print(default_snapshot())
def star_only(*, key, reverse=False):
    return key, reverse
print(star_only(key="k"), star_only(reverse=True, key=1))
def collect(*args, **kwargs):
    return len(args), sorted(kwargs.items())
print(collect(), collect(1, 2), collect(x=1), collect(*range(5), **dict(a=1, b=2)))
def order(first, second, third):
    return [first, second, third]
print(order(1, 2, 3), order(3, third=1, second=2), order(*"ab", third="c"), order(**{"third": 3, "first": 1, "second": 2}))
print(f.__name__, f.__defaults__, f.__kwdefaults__, pos_only.__name__)
def annotated(x: int, y: "str" = "s") -> list:
    return [x, y]
print(annotated(1), annotated.__annotations__)
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(order, 1, 2, third=3))
def many(a, b, c, d, e, f, g, h, i, j):
    return a + b + c + d + e + f + g + h + i + j
print(many(*range(10)), many(1, 2, 3, 4, 5, *range(5)), many(*range(8), i=1, j=1))
def unpack_merge(*a, **k):
    return a, k
print(unpack_merge(*[1], *(2, 3), *"x", **{"p": 1}, **{"q": 2}, r=3))

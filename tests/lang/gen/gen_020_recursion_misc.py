# Deep generator nesting, many live generators, and misc corners.
def depth(n):
    if n == 0:
        yield "bottom"
    else:
        yield from depth(n - 1)
print(list(depth(200)))

gens = [(i for i in range(3)) for _ in range(1000)]
print(sum(sum(g) for g in gens))

# generators keep their own locals independently
def counter(start):
    while True:
        start += 1
        yield start
a, b = counter(0), counter(100)
print(next(a), next(b), next(a), next(b))

# lambda generators
lg = lambda: (yield 1)
g = lg()
print(next(g))
try:
    g.send("sent")
except StopIteration as e:
    print("lambda gen returned", e.value)

# yield as an expression without a value
def bare():
    x = yield
    yield x
b2 = bare()
print(next(b2))
print(b2.send(7))

# generator in a class body attribute
class K:
    vals = list(x * 2 for x in range(3))
print(K.vals)

# a generator function with default and keyword arguments
def gen_args(a, b=2, *rest, c, **kw):
    yield a
    yield b
    yield rest
    yield c
    yield sorted(kw)
print(list(gen_args(1, c=3, z=1, y=2)))
try:
    gen_args()
except TypeError as e:
    print("TypeError:", e)

# generator recursion limit
def endless():
    yield from endless()
try:
    next(endless())
except RecursionError as e:
    print("RecursionError caught")

# isinstance checks against the generator type
import types
print(isinstance(depth(1), types.GeneratorType))
def gf():
    yield
print(gf.__code__.co_flags & 0x20 != 0)

# StopIteration semantics and PEP 479.
def bad():
    yield 1
    raise StopIteration("oops")

g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__)

def leaky():
    it = iter([])
    yield next(it)

try:
    list(leaky())
except RuntimeError as e:
    print("leaky:", e)

# return value becomes StopIteration.value
def ret(v):
    return v
    yield

for v in [None, 0, (1, 2), [3], "s"]:
    g = ret(v)
    try:
        next(g)
    except StopIteration as e:
        print(repr(e.value), e.args)

# StopIteration raised by next() in a plain function is an ordinary exception
def plain():
    return next(iter([]))
try:
    plain()
except StopIteration as e:
    print("plain StopIteration", e.args)

# a for loop consumes StopIteration from a custom iterator
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)))

# StopIteration caught inside the generator is fine
def careful():
    try:
        next(iter([]))
    except StopIteration:
        yield "handled"
print(list(careful()))

# next() with a default
def empty():
    return
    yield
print(next(empty(), "default"))

# Exceptions, finally blocks and exception context inside generators.
import sys

def g():
    try:
        yield 1
    finally:
        print("cleanup g")

for x in g():
    print("got", x)

def gen_with_handler():
    try:
        raise KeyError("inner")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]

it = gen_with_handler()
print(next(it))
try:
    raise ValueError("outer")
except ValueError:
    print(next(it))
print(next(it))

# the generator sees the caller's exception when it has none of its own
def peek():
    while True:
        yield sys.exc_info()[1]
p = peek()
print(next(p))
try:
    raise TypeError("caller's")
except TypeError:
    print(next(p))
print(next(p))

# implicit chaining inside a generator
def chain():
    try:
        yield 1
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
it = chain()
next(it)
try:
    next(it)
except ValueError as e:
    print(type(e.__context__).__name__, e.__context__)

# exception raised inside a generator propagates through the for loop
def raiser():
    yield 1
    raise IndexError("gen failed")
try:
    for v in raiser():
        print("v", v)
except IndexError as e:
    print("IndexError:", e)

# a generator that yields inside a with block
class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit", a[0].__name__ if a[0] else None)
        return False
def with_gen():
    with CM():
        yield "inside"
        yield "still inside"
for v in with_gen():
    print(v)

w = with_gen()
next(w)
try:
    w.throw(OSError("io"))
except OSError as e:
    print("OSError:", e)

# exceptions in generator expressions
try:
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

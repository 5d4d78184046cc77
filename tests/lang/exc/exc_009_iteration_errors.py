# StopIteration and iteration edge cases: next() default, StopIteration inside generators, errors raised mid-iteration.
it = iter([1, 2])
print(next(it), next(it), next(it, "exhausted"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value)
def gen():
    yield 1
    return "result value"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
def leaky():
    yield 1
    raise StopIteration("inside generator")
try:
    print(list(leaky()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def failing_after(n):
    for i in range(n):
        yield i
    raise ValueError(f"failed after {n}")
collected = []
try:
    for v in failing_after(3):
        collected.append(v)
except ValueError as e:
    print(collected, e)
try:
    sum(x for x in [1, 2, "three", 4])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 42
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
try:
    x, *y, z = [1]
except ValueError as e:
    print("ValueError:", e)
g2 = (i for i in range(3))
print(list(g2), list(g2))
try:
    d = {"a": 1}
    for k in d:
        d["b"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

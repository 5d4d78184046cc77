# yield from: delegation, return values, send/throw forwarding.
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3

g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    next(g)
except StopIteration:
    print("done")

# yield from over plain iterables
def flat(items):
    for it in items:
        if isinstance(it, list):
            yield from flat(it)
        else:
            yield it
print(list(flat([1, [2, [3, [4]], 5], [[6]]])))

def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", range(3), (9,), {"k": 1})))

# throw forwarded to the delegate
def sub():
    try:
        yield "s1"
    except KeyError as e:
        print("sub caught", e)
        yield "s2"
    return "sub-done"

def main():
    r = yield from sub()
    print("main got", r)
    yield "m"

g = main()
print(next(g))
print(g.throw(KeyError("x")))
print(next(g))

# throw not handled by delegate is seen by the delegator
def sub2():
    yield 1
def main2():
    try:
        yield from sub2()
    except ValueError as e:
        print("main2 caught", e)
        yield "recovered"
g = main2()
next(g)
print(g.throw(ValueError("v")))

# close forwarded
def sub3():
    try:
        yield 1
    finally:
        print("sub3 finally")
def main3():
    try:
        yield from sub3()
    finally:
        print("main3 finally")
g = main3()
next(g)
g.close()

# delegate returning via StopIteration value from a custom iterator
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("custom-ret")
        return self.n

def use_it():
    r = yield from It()
    yield r
print(list(use_it()))

# send to a delegate that is a plain iterator (no send method)
def plain():
    yield from iter([1, 2])
g = plain()
next(g)
try:
    g.send(5)
except AttributeError as e:
    print("AttributeError:", e)

# gi_yieldfrom
def watch():
    yield from sub2()
g = watch()
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__)

# yield from with return value None
def nothing():
    return
    yield
def use_nothing():
    x = yield from nothing()
    yield x
print(list(use_nothing()))

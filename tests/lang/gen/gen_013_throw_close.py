# throw() and close().
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught", repr(e))
        yield 99
    finally:
        print("finally")

it = g()
print(next(it))
print(it.throw(ValueError("boom")))
try:
    next(it)
except StopIteration:
    print("stopped")

# throw with a class, and with class + value
it = g()
next(it)
print(it.throw(ValueError))
it.close()
it = g()
next(it)
print(it.throw(ValueError, ValueError("v2")))
it.close()
it = g()
next(it)
print(it.throw(ValueError, "as arg"))
it.close()

# uncaught thrown exception propagates
def h():
    yield 1
it = h()
next(it)
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
print(it.gi_suspended)

# throw into a just-started generator
it = h()
try:
    it.throw(RuntimeError("early"))
except RuntimeError as e:
    print("early:", e)
try:
    next(it)
except StopIteration:
    print("exhausted after early throw")

# bad throw arguments
it = h()
next(it)
for args in [(1,), (ValueError("x"), 1), ()]:
    try:
        it.throw(*args)
    except TypeError as e:
        print("TypeError:", e)

# close
def closer():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
it = closer()
next(it)
print(it.close())
print(it.close())

def ignorer():
    ignored = False
    while True:
        try:
            yield 1
        except GeneratorExit:
            if ignored:
                raise
            ignored = True
            print("ignoring")
it = ignorer()
next(it)
try:
    it.close()
except RuntimeError as e:
    print("RuntimeError:", e)
it.close()
print("second close worked")

def returns_in_close():
    try:
        yield 1
    except GeneratorExit:
        return 5
it = returns_in_close()
next(it)
print("close ->", it.close())

# close on a not-started generator does nothing
it = closer()
it.close()
print("closed unstarted")
try:
    next(it)
except StopIteration:
    print("unstarted closed is exhausted")

# close raising another exception
def raiser():
    try:
        yield
    finally:
        raise KeyError("from finally")
it = raiser()
next(it)
try:
    it.close()
except KeyError as e:
    print("close raised", e)

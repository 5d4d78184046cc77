# contextlib.contextmanager: enter/exit, exceptions, errors, decorator use.
from contextlib import contextmanager, ContextDecorator

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag('a') as t:
    print('inside', t)
print(tag.__name__, tag.__wrapped__.__name__)

def raising():
    with tag('b'):
        raise ValueError('boom')
err(raising)

@contextmanager
def swallow(*types):
    try:
        yield
    except types as e:
        print('swallowed', type(e).__name__, e)

with swallow(KeyError):
    {}['missing']
print('after swallow')
def not_swallowed():
    with swallow(KeyError):
        raise TypeError('nope')
err(not_swallowed)

@contextmanager
def no_yield():
    if False:
        yield
def use_no_yield():
    with no_yield():
        pass
err(use_no_yield)

@contextmanager
def two_yields():
    yield 1
    yield 2
def use_two():
    with two_yields():
        pass
err(use_two)

@contextmanager
def yields_after_throw():
    try:
        yield
    except ValueError:
        yield
def use_yat():
    with yields_after_throw():
        raise ValueError
err(use_yat)

@contextmanager
def transform():
    try:
        yield
    except ZeroDivisionError as e:
        raise RuntimeError('transformed') from e
def use_transform():
    with transform():
        1 / 0
try:
    use_transform()
except RuntimeError as e:
    print('caught', e, type(e.__cause__).__name__)

@contextmanager
def stop_in_body():
    yield
def stop_body():
    with stop_in_body():
        raise StopIteration('stop!')
err(stop_body)

@contextmanager
def counter():
    counter.n += 1
    yield counter.n
counter.n = 0

@counter()
def decorated(x):
    return x * 2
print(decorated(5), decorated(6), counter.n, decorated.__name__)

class mycontext(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *exc):
        print('exit', exc[0].__name__ if exc[0] else None)
        return False

@mycontext()
def function():
    print('in function')
function()
@mycontext()
def failing():
    raise KeyError('k')
err(failing)

cm = tag('once')
with cm:
    pass
def reuse():
    with cm:
        pass
err(reuse)
def gen_ret():
    with tag('ret') as v:
        return v
print(gen_ret())
for i in range(2):
    with tag('loop'):
        if i == 0:
            continue
        break

# contextlib.ExitStack: callbacks, enter_context, push, pop_all, close and
# exception chaining between exit callbacks.
from contextlib import ExitStack, contextmanager

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

@contextmanager
def res(name, log):
    log.append('enter ' + name)
    try:
        yield name
    finally:
        log.append('exit ' + name)

log = []
with ExitStack() as stack:
    names = [stack.enter_context(res(n, log)) for n in 'abc']
    stack.callback(log.append, 'callback')
    stack.callback(lambda *a, **k: log.append(('cb', a, k)), 1, 2, key=3)
    log.append('body ' + ','.join(names))
print(log)

log = []
with ExitStack() as stack:
    stack.enter_context(res('x', log))
    moved = stack.pop_all()
log.append('after with')
moved.close()
print(log)

def cb_exit(exc_type, exc, tb):
    print('cb_exit sees', exc_type.__name__ if exc_type else None)
    return True
with ExitStack() as stack:
    ret = stack.push(cb_exit)
    raise ValueError('suppressed by cb_exit')
print('continued', ret is cb_exit)

class CM:
    def __init__(self, name): self.name = name
    def __enter__(self): print('enter', self.name); return self
    def __exit__(self, *a): print('exit', self.name, a[0].__name__ if a[0] else None); return False
with ExitStack() as stack:
    stack.push(CM('pushed'))
    stack.enter_context(CM('entered'))

def raise_in_exit():
    with ExitStack() as stack:
        def bad(*a):
            raise KeyError('from exit')
        stack.push(bad)
        raise ValueError('from body')
try:
    raise_in_exit()
except KeyError as e:
    print('KeyError', e, 'context:', type(e.__context__).__name__, e.__context__)

def chain():
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        stack.callback(lambda: [][1])
        raise TypeError('body')
try:
    chain()
except ZeroDivisionError as e:
    c1 = e.__context__
    c2 = c1.__context__
    print(type(e).__name__, type(c1).__name__, type(c2).__name__, c2.__context__)

def suppress_then_raise():
    with ExitStack() as stack:
        stack.callback(lambda: print('first registered runs last'))
        stack.push(lambda *a: True)
        raise ValueError('x')
    return 'suppressed'
print(suppress_then_raise())

err(lambda: ExitStack().enter_context(42))
class OnlyEnter:
    def __enter__(self): pass
err(lambda: ExitStack().enter_context(OnlyEnter()))
s = ExitStack()
s.callback(print, 'closed via close()')
s.close()
s.close()
with ExitStack() as st:
    pass
print(st.__class__.__name__)
results = []
with ExitStack() as stack:
    for i in range(3):
        stack.callback(results.append, i)
print(results)

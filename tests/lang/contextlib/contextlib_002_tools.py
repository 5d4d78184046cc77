# closing, suppress, nullcontext, redirect_stdout/stderr, abstract managers.
import contextlib
import sys
from contextlib import closing, suppress, nullcontext, redirect_stdout, redirect_stderr

class Res:
    def __init__(self, name): self.name = name
    def close(self): print('closed', self.name)

with closing(Res('r1')) as r:
    print('using', r.name)
try:
    with closing(Res('r2')):
        raise ValueError
except ValueError:
    print('ValueError propagated')

with suppress(KeyError, IndexError):
    [][1]
print('suppressed IndexError')
with suppress():
    pass
try:
    with suppress(KeyError):
        raise TypeError('t')
except TypeError as e:
    print('not suppressed:', e)
with suppress(LookupError):
    {}['x']
print('subclass suppressed')
with suppress(Exception):
    pass

with nullcontext() as n:
    print('null', n)
with nullcontext(42) as n:
    print('null', n)

class Buf:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): pass
    def text(self): return ''.join(self.parts)
b = Buf()
with redirect_stdout(b) as target:
    print('hello')
    print('world', 1, sep='-')
print('captured:', repr(b.text()), target is b)
e = Buf()
with redirect_stderr(e):
    sys.stderr.write('to stderr\n')
print('captured err:', repr(e.text()))
outer, inner = Buf(), Buf()
rd = redirect_stdout(outer)
with rd:
    print('o1')
    with redirect_stdout(inner):
        print('i1')
    print('o2')
print(repr(outer.text()), repr(inner.text()))

print(issubclass(type(nullcontext()), contextlib.AbstractContextManager))
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return None
class NotCM:
    def __enter__(self): return self
print(isinstance(CM(), contextlib.AbstractContextManager), isinstance(NotCM(), contextlib.AbstractContextManager))
class Default(contextlib.AbstractContextManager):
    def __exit__(self, *a): return None
d = Default()
with d as x:
    print(x is d)
try:
    contextlib.AbstractContextManager()
except TypeError as ex:
    print('TypeError', str(ex).replace("'", ""))
print(isinstance(CM(), contextlib.AbstractAsyncContextManager))

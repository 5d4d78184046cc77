import io
import sys
import traceback

def clean(s):
    return s.replace(__file__, 'FILE')

def show(lines):
    print(clean(''.join(lines)), end='')
    print('-----')

def inner():
    raise KeyError('inner')

def outer():
    try:
        inner()
    except KeyError as e:
        raise ValueError('outer') from e

def context():
    try:
        inner()
    except KeyError:
        raise TypeError('during handling')

def suppressed():
    try:
        inner()
    except KeyError:
        raise RuntimeError('suppressed') from None

for fn in [outer, context, suppressed]:
    try:
        fn()
    except Exception as e:
        show(traceback.format_exception(e))
        show(traceback.format_exception(e, chain=False))
        te = traceback.TracebackException.from_exception(e)
        print(type(te.__cause__).__name__, type(te.__context__).__name__, te.__suppress_context__,
              te.exc_type.__name__, str(te), len(te.stack))
        show(te.format())
        show(te.format_exception_only())

def recurse(n):
    if n == 0:
        raise RecursionError('deep')
    return recurse(n - 1)

try:
    recurse(30)
except RecursionError as e:
    show(traceback.format_exception(e))

out = io.StringIO()
try:
    outer()
except ValueError:
    traceback.print_exc(file=out)
    traceback.print_exc(limit=1, file=out, chain=False)
print(clean(out.getvalue()))

out = io.StringIO()
try:
    1 / 0
except ZeroDivisionError as e:
    traceback.print_exception(e, file=out)
    traceback.print_exception(type(e), e, e.__traceback__, file=out)
    traceback.print_tb(e.__traceback__, file=out)
    traceback.TracebackException(type(e), e, e.__traceback__).print(file=out)
print(clean(out.getvalue()))

err = io.StringIO()
saved = sys.stderr
sys.stderr = err
try:
    [][0]
except IndexError:
    traceback.print_exc()
sys.stderr = saved
print(clean(err.getvalue()))

try:
    raise ExceptionGroup('group', [ValueError('a'), TypeError('b'),
                                   ExceptionGroup('nested', [KeyError('c')])])
except ExceptionGroup as e:
    show(traceback.format_exception(e))

def fail(i):
    raise ValueError(i)

errors = []
for i in range(3):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
try:
    raise ExceptionGroup('many', errors)
except ExceptionGroup as e:
    show(traceback.format_exception(e))
    te = traceback.TracebackException.from_exception(e, max_group_width=2)
    show(te.format())

try:
    compile('x = (1 +', '<src>', 'exec')
except SyntaxError as e:
    show(traceback.format_exception_only(e))
try:
    compile('a b', 'mod.py', 'exec')
except SyntaxError as e:
    show(traceback.format_exception_only(e))
se = SyntaxError('custom', ('f.py', 3, 5, '    bad line here\n', 3, 9))
show(traceback.format_exception_only(se))
show(traceback.format_exception_only(SyntaxError('no location')))

for bad in [(ValueError('x'), 1), ('notexc',)]:
    try:
        traceback.format_exception(*bad)
    except Exception as e:
        print(type(e).__name__, e)

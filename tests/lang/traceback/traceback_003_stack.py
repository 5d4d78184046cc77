import io
import traceback

def clean(s):
    return s.replace(__file__, 'FILE')

def f():
    return g()

def g():
    stack = traceback.extract_stack()
    print([(clean(fs.filename), fs.lineno, fs.name, fs.line) for fs in stack])
    print(clean(''.join(traceback.format_stack())), end='')
    out = io.StringIO()
    traceback.print_stack(file=out)
    print(clean(out.getvalue()), end='')
    print(len(traceback.extract_stack(limit=1)), traceback.extract_stack(limit=1)[0].name)
    return len(stack)

print(f())
fs = traceback.FrameSummary('nofile.py', 10, 'fn', line='given line')
print(fs.line, fs.locals, repr(fs))
fs = traceback.FrameSummary('nofile.py', 10, 'fn')
print(repr(fs.line))
s = traceback.StackSummary.from_list([('a.py', 1, 'x', 'line a'), fs])
print(s.format())
try:
    raise ValueError
except ValueError as e:
    tb = e.__traceback__
print([lineno for _, lineno in traceback.walk_tb(tb)])
print(traceback.clear_frames(tb))

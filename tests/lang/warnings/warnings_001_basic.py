# warnings: warn() output on stderr (captured), once-per-location, filters, categories.
import warnings
import sys
from contextlib import redirect_stderr

class Buf:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): pass
    def text(self):
        # Strip directories from file names (they depend on where tests run).
        out = []
        for line in ''.join(self.parts).splitlines():
            head, sep, tail = line.partition(': ')
            out.append(head.rsplit('/', 1)[-1] + sep + tail)
        return '\n'.join(out)

def emit(msg, cat=UserWarning, level=1):
    warnings.warn(msg, cat, stacklevel=level + 1)

buf = Buf()
with redirect_stderr(buf):
    warnings.warn('plain message')
    for i in range(3):
        warnings.warn('in a loop')          # shown once (same line)
    warnings.warn('second', DeprecationWarning)   # shown: __main__
    warnings.warn('pending', PendingDeprecationWarning)  # ignored by default
    warnings.warn(RuntimeWarning('instance'))
    emit('via helper, level 2', level=1)
    def outer():
        emit('level 3', level=2)
    outer()
print(buf.text())
print([f[0] for f in warnings.filters], warnings.filters[0][2].__name__, warnings.filters[0][3], warnings.defaultaction)
try:
    warnings.warn('bad', category=int)
except TypeError as e:
    print('TypeError', e)
try:
    warnings.warn('bad', category='x')
except TypeError as e:
    print('TypeError', e)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    for i in range(3):
        warnings.warn('recorded', UserWarning)
    warnings.warn('dep', DeprecationWarning)
    warnings.warn(SyntaxWarning('syn'))
print(len(log), [str(w.message) for w in log], [w.category.__name__ for w in log], type(log[0]).__name__)
print(log[0].lineno > 0, log[0].filename.endswith('.py'), isinstance(log[0].message, UserWarning))

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('now an error')
    except UserWarning as e:
        print('raised', type(e).__name__, e)
    try:
        warnings.warn('custom', RuntimeWarning)
    except RuntimeWarning as e:
        print('raised', type(e).__name__, e)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('ignore')
    warnings.warn('ignored')
print(len(log))

with warnings.catch_warnings(record=True) as log:
    warnings.resetwarnings()
    warnings.filterwarnings('ignore', message='skip')
    warnings.filterwarnings('error', category=ResourceWarning)
    warnings.filterwarnings('always', module='__main__')
    warnings.warn('skip this')
    warnings.warn('SKIP THIS too (case-insensitive)')
    warnings.warn('keep this')
    warnings.warn('keep this')
    try:
        warnings.warn('res', ResourceWarning)
    except ResourceWarning as e:
        print('ResourceWarning raised:', e)
    print([str(w.message) for w in log])
    print(len(warnings.filters), warnings.filters[0][0], warnings.filters[0][3].pattern if warnings.filters[0][3] else None)
print(len(warnings.filters))

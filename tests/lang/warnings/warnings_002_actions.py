# warnings: the once/module/default actions, warn_explicit, showwarning hooks, formatwarning.
import warnings

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

def fire(msg, cat=UserWarning):
    warnings.warn(msg, cat)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('once')
    fire('a'); fire('a'); fire('b')
    warnings.warn('a')
    print('once', [str(w.message) for w in log])
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('module')
    fire('m'); fire('m')
    warnings.warn('m')
    print('module', [str(w.message) for w in log])
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('default')
    fire('d'); fire('d')
    warnings.warn('d')
    print('default', [str(w.message) for w in log])
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    warnings.warn_explicit('explicit', UserWarning, 'somefile.py', 42)
    warnings.warn_explicit('explicit', UserWarning, 'somefile.py', 42, module='mod', registry={})
    w = log[0]
    print('explicit', w.filename, w.lineno, w.category.__name__, str(w.message), len(log))
    print(str(w).replace(repr(w.message), 'MSG'))

print(repr(warnings.formatwarning('msg', UserWarning, 'file.py', 10)))
print(repr(warnings.formatwarning('msg', DeprecationWarning, 'file.py', 10, line='  x = 1  ')))
calls = []
def my_show(message, category, filename, lineno, file=None, line=None):
    calls.append((str(message), category.__name__, lineno))
old = warnings.showwarning
warnings.showwarning = my_show
with warnings.catch_warnings():
    warnings.simplefilter('always')
    warnings.warn('hooked')
warnings.showwarning = old
print(calls[0][:2], calls[0][2] > 0)
class Out:
    def __init__(self): self.t = ''
    def write(self, s): self.t += s
o = Out()
warnings.showwarning('shown', UserWarning, 'f.py', 3, file=o, line='code()')
print(repr(o.t))
err(lambda: warnings.filterwarnings('bogus'))
err(lambda: warnings.filterwarnings('ignore', category=int))
err(lambda: warnings.filterwarnings('ignore', lineno=-1))
err(lambda: warnings.simplefilter('nope'))
cw = warnings.catch_warnings(record=True)
print(repr(cw), repr(warnings.catch_warnings()))
with cw:
    err(lambda: cw.__enter__())
err(lambda: warnings.catch_warnings().__exit__(None, None, None))
with warnings.catch_warnings(action='error', category=FutureWarning):
    err(lambda: warnings.warn('fw', FutureWarning))
    warnings.warn('not error', UserWarning, stacklevel=1) if False else None
print(issubclass(DeprecationWarning, Warning), warnings.WarningMessage.__name__)

# exit: 0
# stdout: ok
# Builtins recovery: the builtins every module, function, exec() and eval()
# of this isolate sees are the isolate's own (without open, input, help or
# breakpoint when nothing is granted); no route leads to a more powerful
# builtins namespace or a host __import__.
import builtins, json, re, copy, typing, collections

own = builtins.__dict__
assert __builtins__ is own or __builtins__ is builtins
for name in ('open', 'input', 'help', 'breakpoint', 'license', 'credits', 'copyright', 'exit', 'quit'):
    assert name not in own, name
assert print.__self__ is None or print.__self__ is builtins

namespaces = [vars(json).get('__builtins__'), vars(re).get('__builtins__'), vars(copy).get('__builtins__'),
              (lambda: 0).__builtins__, json.JSONEncoder.__init__.__builtins__ if hasattr(json.JSONEncoder.__init__, '__builtins__') else own]
for ns in namespaces:
    if ns is None:
        continue
    d = ns if isinstance(ns, dict) else vars(ns)
    assert d is own, 'a second builtins namespace'

g = {}
exec('x = 1', g)
assert g['__builtins__'] is own or g['__builtins__'] is builtins
assert eval('__builtins__', {}) in (own, builtins)

# A crafted globals dict only changes what that code sees.
crafted = {'__builtins__': {'len': lambda x: 42}}
assert eval('len([])', crafted) == 42
try:
    eval('open', crafted)
except NameError:
    pass

# Rebinding a builtin affects only this isolate's namespace.
real_len = len
builtins.len = lambda x: -1
assert len([1, 2]) == -1
builtins.len = real_len

# __import__ is the isolate's importer: replacing it only wraps it.
calls = []
real = builtins.__import__
def hook(name, *args, **kw):
    calls.append(name)
    return real(name, *args, **kw)
builtins.__import__ = hook
import textwrap
builtins.__import__ = real
assert calls[0] == 'textwrap'  # (and what textwrap itself imports)
import os
assert 'CAPY_NO_SUCH_VAR_EITHER' not in os.environ and len(os.environ) == 0
print('ok')

# exit: 0
# stdout: ok
# Loader and importer recovery: modules carry no loader or spec objects
# (__loader__ and __spec__ are None), there is no importlib machinery, no
# sys.meta_path or path hooks, and builtin functions are not bound to a
# module whose loader could build another module.
import sys, json, re, collections

for m in (sys.modules['__main__'], json, re, collections, sys):
    assert getattr(m, '__loader__', None) is None, m
    assert getattr(m, '__spec__', None) is None, m
assert __loader__ is None and __spec__ is None
assert print.__self__ is None or not hasattr(print.__self__, '__loader__') or print.__self__.__loader__ is None
for name in ('importlib', '_imp', '_frozen_importlib', '_frozen_importlib_external', 'zipimport', 'pkgutil',
             'runpy'):
    try:
        __import__(name)
    except ModuleNotFoundError:
        pass
    else:
        raise AssertionError(name)
assert not hasattr(sys, 'meta_path') and not hasattr(sys, 'path_hooks')
# __import__ itself is the isolate's policy: calling it directly, with a
# fromlist, a level, or relative names resolved against a capy package gets
# nothing more than the import statement.
for args in (('os', None, None, ['environ'], 0), ('os.path', None, None, ['join'], 0)):
    mod = __import__(*args)
    env = getattr(mod, 'environ', None) or getattr(getattr(mod, 'os', None), 'environ', {})
    assert 'CAPY_CANARY' not in env
try:
    __import__('path', {'__package__': 'os', '__name__': 'os.x'}, None, None, 1)
except ImportError:
    pass
print('ok')

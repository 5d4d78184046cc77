# family: import
# expect: error
# why: sys.modules, sys.path and meta_path hooks: plant a module, or find a loader that reads files from outside.
import sys
print(sorted(k for k in dir(sys) if not k.startswith('_'))[:40])
for name in ('meta_path', 'path_hooks', 'path_importer_cache', '_getframe', 'settrace',
             'setprofile', 'addaudithook', 'modules'):
    print(name, hasattr(sys, name))
modules = getattr(sys, 'modules', {})
for name in ('os', 'posix', 'builtins', '_io', 'importlib._bootstrap'):
    mod = modules.get(name)
    if mod is not None and hasattr(mod, 'system'):
        print('PWN' + 'ED', name)
try:
    sys.path.insert(0, '{WS}')
except Exception as e:
    print('sys.path', type(e).__name__)
import secret_module_that_does_not_exist

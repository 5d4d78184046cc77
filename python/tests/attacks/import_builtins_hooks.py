# family: import
# expect: error
# why: Replacing __import__ or reaching the real builtins through __builtins__, __loader__, __spec__ and breakpoint/help/exit.
import builtins
b = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)
for name in ('__loader__', '__spec__', 'breakpoint', 'help', 'license', 'credits', 'copyright',
             'exit', 'quit', 'open', 'input'):
    print(name, name in b)
original = builtins.__import__
def spy(name, *args, **kwargs):
    print('import', name)
    return original(name, *args, **kwargs)
try:
    builtins.__import__ = spy
except Exception as e:
    print('patch refused', type(e).__name__)
real_import = b['__import__']
print(real_import('posix').environ[b'CAPY_CANARY'])

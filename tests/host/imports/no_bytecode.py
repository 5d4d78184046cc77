# exit: 0
# stdout: ok
# absent: PWNED-PYC-LOADED
# absent: PWNED-CACHE-LOADED
# Source only: a .pyc without source, a __pycache__ entry and native
# extensions (.so) beside the modules are never loaded, and nothing is written.
import sys
fixtures = __file__.rpartition('/')[0] + '/__fixtures__'
sys.path.insert(0, fixtures)
assert sys.dont_write_bytecode is True
for name in ('compiled_only', 'native_ext'):
    try:
        __import__(name)
    except ModuleNotFoundError as e:
        assert e.name == name
    else:
        raise AssertionError(name + ' was imported')
import cached_mod
assert cached_mod.VALUE == 'from source', cached_mod.VALUE
assert cached_mod.__cached__ is None
print('ok')

# exit: 0
# stdout: ok
# ImportError and ModuleNotFoundError as CPython reports them.
import sys
fixtures = __file__.rpartition('/')[0] + '/__fixtures__'
sys.path.insert(0, fixtures)

def error(stmt):
    try:
        exec(stmt, {'__name__': '__main__'})
    except ImportError as e:
        return type(e).__name__, str(e), e.name
    raise AssertionError('no ImportError from ' + stmt)

assert error('import no_such_module') == ('ModuleNotFoundError', "No module named 'no_such_module'", 'no_such_module')
assert error('import helper_mod.x') == (
    'ModuleNotFoundError', "No module named 'helper_mod.x'; 'helper_mod' is not a package", 'helper_mod.x')
assert error('import pkg_fixture.nope') == (
    'ModuleNotFoundError', "No module named 'pkg_fixture.nope'", 'pkg_fixture.nope')
kind, msg, name = error('from pkg_fixture import nope')
assert kind == 'ImportError' and name == 'pkg_fixture', (kind, name)
assert msg == "cannot import name 'nope' from 'pkg_fixture' (%s/pkg_fixture/__init__.py)" % fixtures, msg
assert error('from . import x')[:2] == ('ImportError', 'attempted relative import with no known parent package')
assert error('import pkg_fixture.sub.beyond')[:2] == ('ImportError', 'attempted relative import beyond top-level package')
assert 'pkg_fixture.sub.beyond' not in sys.modules

# A module that raises is taken out of sys.modules again.
try:
    import pkg_fixture.broken
except ValueError as e:
    assert str(e) == 'broken module'
assert 'pkg_fixture.broken' not in sys.modules

# A syntax error names the module's file.
try:
    import pkg_fixture.bad_syntax
except SyntaxError as e:
    assert e.filename == fixtures + '/pkg_fixture/bad_syntax.py', e.filename
    assert e.lineno == 1 and e.msg == "'(' was never closed", (e.lineno, e.msg)
else:
    raise AssertionError('no SyntaxError')

# None in sys.modules stops an import, as CPython.
sys.modules['blocked_name'] = None
assert error('import blocked_name') == (
    'ModuleNotFoundError', 'import of blocked_name halted; None in sys.modules', 'blocked_name')

try:
    __import__('')
except ValueError as e:
    assert str(e) == 'Empty module name'
try:
    __import__('x', level=-1)
except ValueError as e:
    assert str(e) == 'level must be >= 0'
try:
    __import__(5)
except TypeError as e:
    assert str(e) == 'module name must be str, not int', str(e)
print('ok')

# flags: --allow-env=PATH --allow-env=CAPY_SURELY_UNSET_VARIABLE
# stdout: ok
# os.environ holds only the granted variables that the host has; writing to
# it changes the guest's mapping only.
import os

assert list(os.environ) == ['PATH'], list(os.environ)
assert isinstance(os.environ['PATH'], str) and os.getenv('PATH') == os.environ['PATH']
assert os.getenv('HOME') is None and 'HOME' not in os.environ
assert os.getenv('CAPY_SURELY_UNSET_VARIABLE', 'dflt') == 'dflt'
os.environ['NEW'] = 'value'
assert os.environ['NEW'] == 'value' and os.getenv('NEW') == 'value'
del os.environ['NEW']
os.environ.setdefault('X', '1')
os.environ.update({'Y': '2'})
assert sorted(os.environ) == ['PATH', 'X', 'Y']
os.environ.pop('X')
os.putenv('Z', '3')
assert 'Z' not in os.environ
for bad in ((1, 'x'), ('x', 1)):
    try:
        os.environ[bad[0]] = bad[1]
        raise AssertionError(bad)
    except TypeError:
        pass
try:
    os.environ['MISSING']
    raise AssertionError
except KeyError as e:
    assert e.args == ('MISSING',)
assert repr(os.environ).startswith("environ({'PATH': ")
assert os.path.expanduser('~/x') == '~/x'  # no HOME granted: unchanged
print('ok')

# flags: --allow-env=HOME
# stdout: ok
# With HOME granted, expanduser uses it (as CPython does); nothing else leaks.
import os

assert list(os.environ) == ['HOME'], list(os.environ)
home = os.environ['HOME'].rstrip('/') or '/'
assert os.path.expanduser('~') == home
assert os.path.expanduser('~/x') == (home.rstrip('/') + '/x')
assert os.path.expanduser('~nosuchuser/x') == '~nosuchuser/x'
print('ok')

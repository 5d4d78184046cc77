# exit: 0
# stdout: ok
# The script's own directory is a module root: a module or package beside the
# script imports without any grant (here the fixture directory, a namespace
# package, and modules found through sys.path entries beneath the root).
import sys

here = __file__.rpartition('/')[0]
assert sys.path == [here], sys.path

import __fixtures__.helper_mod as h
assert h.VALUE == 42
assert h.NAME == '__fixtures__.helper_mod', h.NAME
assert h.PACKAGE == '__fixtures__', h.PACKAGE
assert h.FILE == here + '/__fixtures__/helper_mod.py', h.FILE
import __fixtures__
assert __fixtures__.__file__ is None and __fixtures__.__path__ == [here + '/__fixtures__']

# sys.path entries beneath a module root are searched, in order.
sys.path.insert(0, here + '/__fixtures__')
import helper_mod
assert helper_mod is not h and helper_mod.NAME == 'helper_mod' and helper_mod.PACKAGE == ''
assert helper_mod.FILE == here + '/__fixtures__/helper_mod.py'
assert sys.modules['helper_mod'] is helper_mod

# A module root may shadow capy's modules, except those CPython has built in.
import textwrap
assert textwrap.SHADOW.startswith('the module root shadows')
import itertools
assert hasattr(itertools, 'chain') and not hasattr(itertools, 'SHADOW')
print('ok')

# exit: 0
# stdout: ok
# Packages from a module root: __init__.py, submodules, subpackages,
# relative imports, `from package import submodule`, circular imports, and
# the module attributes CPython sets.
import sys
fixtures = __file__.rpartition('/')[0] + '/__fixtures__'
sys.path.insert(0, fixtures)

import pkg_fixture
assert pkg_fixture.INIT_NAME == 'pkg_fixture' and pkg_fixture.INIT_PACKAGE == 'pkg_fixture'
assert pkg_fixture.INIT_FILE == fixtures + '/pkg_fixture/__init__.py'
assert pkg_fixture.INIT_PATH == [fixtures + '/pkg_fixture'] and pkg_fixture.__path__ is pkg_fixture.INIT_PATH
assert pkg_fixture.f() == 'f from pkg_fixture.mod' and pkg_fixture.mod.MOD_PACKAGE == 'pkg_fixture'
assert pkg_fixture.__loader__ is None and pkg_fixture.__spec__ is None and pkg_fixture.__cached__ is None

import pkg_fixture.sub
assert pkg_fixture.sub.parentmod is pkg_fixture.mod and pkg_fixture.sub.f is pkg_fixture.f
assert pkg_fixture.sub.SUB_PACKAGE == 'pkg_fixture.sub'
assert pkg_fixture.sub.leaf.LEAF == 'leaf of pkg_fixture.sub'

import pkg_fixture.sub.leaf as leaf
assert leaf is sys.modules['pkg_fixture.sub.leaf']

# `from package import name` imports a submodule the package did not import.
assert 'pkg_fixture.lazy' not in sys.modules
from pkg_fixture import lazy
assert lazy.LAZY == 'lazy submodule' and pkg_fixture.lazy is lazy

m = __import__('pkg_fixture.sub', fromlist=['leaf'])
assert m is pkg_fixture.sub
top = __import__('pkg_fixture.sub.leaf')
assert top is pkg_fixture

# A circular import sees the partly initialised module.
from pkg_fixture import circ_a
assert circ_a.SEEN_B == 'b' and sys.modules['pkg_fixture.circ_b'].SEEN_A == 'a'

# Namespace packages (a directory without __init__.py).
import ns_fixture.inner.m as m
assert m.Y == 'in a namespace package' and m.__package__ == 'ns_fixture.inner'
import ns_fixture
assert ns_fixture.__file__ is None and ns_fixture.__path__ == [fixtures + '/ns_fixture']

# Re-importing after deleting the entry runs the module again.
del sys.modules['pkg_fixture.lazy']
import pkg_fixture.lazy as lazy2
assert lazy2 is not lazy and lazy2.LAZY == lazy.LAZY
print('ok')

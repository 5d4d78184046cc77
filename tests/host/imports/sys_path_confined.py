# flags: --allow-read={BOX} --allow-write={BOX}
# exit: 0
# stdout: ok
# absent: PWNED
# sys.path and __path__ are the guest's to change, but only entries beneath a
# module root are searched: a module written into a writable directory that
# is no module root cannot be imported, nor can a zip archive be an entry.
import os, sys
BOX = os.path.abspath('box')
with open(BOX + '/written_mod.py', 'w') as f:
    f.write("print('PWNED-' + 'WRITTEN-MODULE')\n")
sys.path.insert(0, BOX)
sys.path.insert(0, '/')
sys.path.insert(0, BOX + '/../box')
try:
    import written_mod
except ModuleNotFoundError as e:
    assert e.name == 'written_mod'
else:
    raise AssertionError('imported a module outside the module roots')

fixtures = __file__.rpartition('/')[0] + '/__fixtures__'
sys.path.insert(0, fixtures)
import pkg_fixture
pkg_fixture.__path__.append(BOX)
try:
    import pkg_fixture.written_mod
except ModuleNotFoundError:
    pass
else:
    raise AssertionError('imported through a __path__ entry outside the roots')
pkg_fixture.__path__[:] = [fixtures + '/../__fixtures__/pkg_fixture']  # '..' is never used
try:
    import pkg_fixture.lazy
except ModuleNotFoundError:
    pass
else:
    raise AssertionError("a __path__ entry with '..' was used")

# Replacing sys.path by something else just finds nothing.
saved = sys.path
sys.path = None
try:
    import some_other_module
except ModuleNotFoundError:
    pass
sys.path = saved
print('ok')

# exit: 0
# stdout: ok
# absent: MARKER-OF-A-TEXT-FILE
# A module file that is a symbolic link is not followed (here one pointing at
# a text file beside it): import fails without showing what the link leads to.
import sys
fixtures = __file__.rpartition('/')[0] + '/__fixtures__'
sys.path.insert(0, fixtures)
try:
    import linked_secret
except ImportError as e:
    assert 'symbolic link' in str(e), str(e)
    assert 'MARKER' not in str(e)
else:
    raise AssertionError('a symlinked module file was imported')
assert 'linked_secret' not in sys.modules
print('ok')

# relpath (with absolute arguments), commonpath, commonprefix, expandvars
# of unknown variables, samestat, fspath, fsencode/fsdecode.
import os
import os.path


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


for path, start in [('/a/b/c', '/a'), ('/a', '/a/b/c'), ('/a/b', '/a/b'), ('/a/x', '/a/y/z'), ('/', '/a'),
                    (b'/a/b', b'/a'), ('/a/b/', '/a//')]:
    print('relpath', path, start, repr(os.path.relpath(path, start)))
for paths in [['/a/b/c', '/a/b/d'], ['/a', '/a/b'], ['a/b', 'a/c/d'], ['/a/b', '/a/bc'], [b'/x/y', b'/x/z'],
              ['a/./b', 'a/b/c']]:
    print('commonpath', paths, repr(os.path.commonpath(paths)))
for m in [['abc', 'abd'], [], ['x'], ['/a/bc', '/a/bd'], [[1, 2, 3], [1, 2, 4]]]:
    print('commonprefix', m, repr(os.path.commonprefix(m)))
for bad in [lambda: os.path.commonpath([]), lambda: os.path.commonpath(['/a', 'b']),
            lambda: os.path.relpath(''), lambda: os.path.commonpath(['a', b'b'])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(os.path.expandvars('$CAPY_NO_SUCH_VAR_1/x ${CAPY_NO_SUCH_VAR_2} $$ $'))
print(os.fspath('s'), os.fspath(b'b'), os.fspath(P('via fspath')), os.path.join(P('a'), 'b'))
print(isinstance(P('x'), os.PathLike), isinstance('x', os.PathLike), issubclass(P, os.PathLike))
print(os.fsencode('abc\udcff'), os.fsdecode(b'abc\xff') == 'abc\udcff', os.fsencode(P('x')))
for bad in [3, None, P(3)]:
    try:
        os.fspath(bad)
    except TypeError as e:
        print('TypeError', e)
s1 = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
s2 = os.stat_result((0, 2, 3, 4, 5, 6, 7, 8, 9, 10))
s3 = os.stat_result((1, 99, 3, 4, 5, 6, 7, 8, 9, 10))
print(s1, s1.st_mode, s1.st_atime, s1[9], len(s1), tuple(s1)[:3], os.path.samestat(s1, s2), os.path.samestat(s1, s3))
print(os.stat_result.n_sequence_fields, os.stat_result.n_fields, os.stat_result.n_unnamed_fields)
try:
    os.stat_result((1, 2))
except TypeError as e:
    print('TypeError', e)
print(os.strerror(2), os.strerror(13), os.strerror(17))
print(os.error is OSError, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)

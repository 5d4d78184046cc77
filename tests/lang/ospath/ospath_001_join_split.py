# os.path's string functions (posixpath): join, split, splitext, basename,
# dirname, isabs, normpath, splitdrive, normcase.
import os
import os.path
import posixpath

print(os.path is posixpath, os.sep, os.altsep, os.extsep, os.pathsep, repr(os.linesep), os.curdir, os.pardir,
      os.devnull, os.name)
for parts in [('a', 'b'), ('a/', 'b'), ('/a', '/b'), ('a', ''), ('', 'b'), ('a', 'b/', 'c'), ('/', 'x'),
              ('a//', '//b'), (b'x', b'y'), (b'/x/', b'y')]:
    print('join', parts, repr(os.path.join(*parts)))
for p in ['', '/', 'a', 'a/', '/a', 'a/b', '/a/b/', '//a//b', 'a/b/c.txt', b'/x/y', b'z']:
    print(repr(p), os.path.split(p), repr(os.path.basename(p)), repr(os.path.dirname(p)), os.path.isabs(p))
for p in ['a.txt', 'a.tar.gz', '.bashrc', 'a/.b', 'a.b/c', 'a.', '..', 'a/b.', '...x', b'f.py', '']:
    print('splitext', repr(p), os.path.splitext(p))
for p in ['', '.', '/', '//', '///', 'a/./b', 'a/../b', '../a', 'a/b/../../..', '/..', '/a/../..', 'a//b///c/',
          '//a/b', '///a', b'x/../y/./', './a', 'a/.', '..']:
    print('normpath', repr(p), repr(os.path.normpath(p)))
print(os.path.splitdrive('/a/b'), os.path.splitdrive(b'c:x'), os.path.normcase('A/B'))
for bad in [lambda: os.path.join('a', b'b'), lambda: os.path.join(1), lambda: os.path.join('a', None),
            lambda: os.path.split(3), lambda: os.path.normpath(None)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)

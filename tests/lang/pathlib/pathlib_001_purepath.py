# pathlib's pure paths: parsing, parts, names, suffixes, parents, joining,
# relative_to, match, comparisons, and PureWindowsPath's drives.
from pathlib import PurePath, PurePosixPath, PureWindowsPath

p = PurePosixPath('/usr/local/lib/python3.11/site-packages/pkg.tar.gz')
print(p, repr(p), p.parts, p.drive, repr(p.root), p.anchor)
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, list(p.parents)[:3], p.parents[-1])
print(p.with_name('x.py'), p.with_suffix('.zip'), p.with_suffix(''), p.with_stem('other'))
print(p.relative_to('/usr/local'), p.is_relative_to('/usr'), p.is_relative_to('/opt'))
print(p.is_absolute(), PurePosixPath('a/b').is_absolute(), p.as_posix(), p.as_uri())
print(PurePosixPath('a') / 'b' / 'c', 'x' / PurePosixPath('y'), PurePosixPath('a').joinpath('b', '/c', 'd'))
print(PurePosixPath('a//b/./c/'), PurePosixPath('.'), PurePosixPath(''), PurePosixPath('//x'), PurePosixPath('///x'))
print(PurePosixPath('a/../b'), PurePosixPath('a/b').parent.parent, PurePosixPath('/').parent, PurePosixPath('.').name)
print(PurePath('x/y') == PurePosixPath('x/y'), type(PurePath('x')).__name__, str(PurePath()))
print(sorted([PurePosixPath('b'), PurePosixPath('a/c'), PurePosixPath('a')]), PurePosixPath('A') < PurePosixPath('a'))
print(hash(PurePosixPath('a/b')) == hash(PurePosixPath('a//b')), PurePosixPath('a') != PurePosixPath('A'))
for pat in ['*.gz', '*.tar.gz', 'site-packages/*', '/usr/*', '**/pkg*', 'lib/*/*/*', '*.GZ']:
    print('match', pat, p.match(pat))
print(bytes(PurePosixPath('/a/b')), PurePosixPath(b'/a'.decode()), PurePosixPath('a', 'b', PurePosixPath('c')))
print(PurePosixPath('foo.bar.').suffix, repr(PurePosixPath('.hidden').suffix), PurePosixPath('a.b/c').suffixes)
for bad in [lambda: p.relative_to('/opt'), lambda: PurePosixPath('/').with_name('x'),
            lambda: p.with_suffix('gz'), lambda: p.with_name(''), lambda: PurePosixPath('a') / 3,
            lambda: PurePosixPath(3), lambda: p < PureWindowsPath('x')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
w = PureWindowsPath('C:/Users/Me/file.TXT')
print(w, repr(w), w.parts, w.drive, w.root, w.anchor, w.name, w.suffix, w.parent, w.as_posix())
print(PureWindowsPath('c:/a') == PureWindowsPath('C:/A'), PureWindowsPath('//server/share/x').drive,
      PureWindowsPath('c:x').is_absolute(), PureWindowsPath('c:/x').as_uri(), w.is_reserved(),
      PureWindowsPath('nul').is_reserved(), w.match('*.txt'))

# flags: --allow-read={BOX} --allow-write={BOX}
# stdout: ok
# absent: outside
# Symlinks inside the grant that point out of it (box/link, absolute; box/updir,
# relative '..') lead nowhere: reading, writing, appending and listing through
# them are refused. The links themselves can be looked at and removed.
import os
import pathlib
import stat

for p in ['box/link', os.path.abspath('box/link'), 'box/updir/outside.txt', 'box/updir/box/data.txt',
          'box/sub/../updir/outside.txt', 'box/updir/']:
    for mode in ('r', 'rb', 'a', 'w', 'r+'):
        try:
            with open(p, mode) as f:
                print('opened', p, f.read() if 'r' in mode else '')
            raise AssertionError(p)
        except PermissionError:
            pass
        except IsADirectoryError:
            assert p.endswith('/') and mode in 'aw', (p, mode)  # the kernel refuses to create 'x/'
for p in ['box/updir', 'box/updir/box']:
    try:
        os.listdir(p)
        raise AssertionError(p)
    except PermissionError:
        pass
    try:
        os.mkdir(p + '/newdir')
        raise AssertionError(p)
    except PermissionError:
        pass
try:
    os.stat('box/link')
    raise AssertionError('stat followed box/link')
except PermissionError:
    pass
# The links themselves.
st = os.lstat('box/link')
assert stat.S_ISLNK(st.st_mode)
assert os.path.islink('box/link') and os.path.islink('box/updir')
assert os.path.lexists('box/link') and not os.path.exists('box/link')
assert os.readlink('box/updir') == '..'
assert os.readlink('box/link').endswith('/outside.txt')
assert os.path.realpath('box/link') == os.path.abspath('outside.txt')
assert not os.path.isdir('box/updir') and pathlib.Path('box/updir').is_symlink()
walked = [d for d, _, _ in os.walk('box', followlinks=True)]
assert walked == ['box', 'box/sub'], walked
# Removing or renaming the link acts on the link, never on its target.
os.rename('box/link', 'box/link2')
os.remove('box/link2')
os.unlink('box/updir')
assert sorted(os.listdir('box')) == ['data.txt', 'sub']
print('ok')

# flags: --allow-read={BOX}
# stdout: ok
# A read-only grant refuses every write, create, truncate, rename and delete,
# in every spelling, and leaves the box as it was.
import io
import os
import pathlib
import shutil

attempts = [
    lambda: open('box/data.txt', 'w'),
    lambda: open('box/data.txt', 'a'),
    lambda: open('box/data.txt', 'r+'),
    lambda: open('box/data.txt', 'w+'),
    lambda: open('box/data.txt', 'ab'),
    lambda: open('box/new.txt', 'x'),
    lambda: open('box/new.txt', 'wb', buffering=0),
    lambda: io.FileIO('box/data.txt', 'w'),
    lambda: io.open('box/data.txt', 'a'),
    lambda: print('owned', file=open('box/data.txt', 'a')),
    lambda: os.mkdir('box/d'),
    lambda: os.makedirs('box/d/e'),
    lambda: os.rmdir('box/sub'),
    lambda: os.remove('box/data.txt'),
    lambda: os.unlink('box/link'),
    lambda: os.rename('box/data.txt', 'box/moved.txt'),
    lambda: os.replace('box/data.txt', 'box/sub/inner.txt'),
    lambda: os.truncate('box/data.txt', 0),
    lambda: os.utime('box/data.txt', (0, 0)),
    lambda: os.chmod('box/data.txt', 0o777),
    lambda: pathlib.Path('box/data.txt').write_text('owned'),
    lambda: pathlib.Path('box/new').write_bytes(b'owned'),
    lambda: pathlib.Path('box/new').touch(),
    lambda: pathlib.Path('box/data.txt').unlink(),
    lambda: pathlib.Path('box/d').mkdir(),
    lambda: pathlib.Path('box/data.txt').rename('box/x'),
    lambda: shutil.copyfile('box/data.txt', 'box/copy.txt'),
    lambda: shutil.rmtree('box/sub'),
    lambda: shutil.move('box/data.txt', 'box/sub'),
]
for i, attempt in enumerate(attempts):
    try:
        attempt()
    except PermissionError:
        continue
    except shutil.Error as e:
        assert 'Permission denied' in str(e), (i, e)
        continue
    raise AssertionError('attempt %d was not refused' % i)
assert not os.access('box/data.txt', os.W_OK) and os.access('box/data.txt', os.R_OK)
assert open('box/data.txt').read() == 'hello from the box\nsecond line\n'
assert sorted(os.listdir('box')) == ['data.txt', 'link', 'sub', 'updir']
assert os.listdir('box/sub') == ['inner.txt']
print('ok')

# flags: --allow-write={BOX}
# stdout: read back: 3 lines
# stdout: ok
# A write grant: the modes w, a, x and +, seek/tell/truncate, print(file=),
# and the os, pathlib and shutil functions that create, rename and delete.
import os
import pathlib
import shutil

path = 'box/out.txt'
with open(path, 'w') as f:
    assert f.write('line 1\n') == 7
    f.writelines(['line 2\n'])
    assert f.tell() == 14
with open(path, 'a') as f:
    print('line 3', file=f)
with open(path) as f:
    lines = f.read().splitlines()
print('read back: %d lines' % len(lines))
try:
    open(path, 'x')
    raise AssertionError('x mode opened an existing file')
except FileExistsError:
    pass
with open('box/new.txt', 'x') as f:
    f.write('new')
with open(path, 'r+') as f:
    f.seek(5)
    f.write('X')
    f.seek(0)
    assert f.readline() == 'line X\n'
with open(path, 'rb+') as f:
    f.seek(0, 2)
    assert f.tell() == 21
    f.write(b'tail')
    f.seek(0)
    assert f.read(4) == b'line'
    assert f.truncate(6) == 6
with open(path, 'w+') as f:
    f.write('abc')
    f.seek(0)
    assert f.read() == 'abc'
with open(path, 'ab+') as f:
    f.write(b'def')
    f.seek(0)
    assert f.read() == b'abcdef'

os.mkdir('box/d')
os.makedirs('box/d/e/f')
os.makedirs('box/d/e/f', exist_ok=True)
os.rename('box/new.txt', 'box/d/e/moved.txt')
os.replace('box/d/e/moved.txt', 'box/d/e/f/replaced.txt')
assert open('box/d/e/f/replaced.txt').read() == 'new'
os.remove('box/d/e/f/replaced.txt')
os.removedirs('box/d/e/f')
assert not os.path.exists('box/d')
os.utime(path, (1000000000, 1000000000))
assert os.stat(path).st_mtime == 1000000000
os.chmod(path, 0o600)
assert os.stat(path).st_mode & 0o777 == 0o600
os.truncate(path, 2)
assert open(path).read() == 'ab'

p = pathlib.Path('box/p')
p.mkdir()
(p / 'q' / 'r').mkdir(parents=True)
(p / 'a.txt').write_text('text')
(p / 'b.bin').write_bytes(b'\x00\x01')
(p / 'c').touch()
assert (p / 'c').exists() and (p / 'c').stat().st_size == 0
(p / 'a.txt').rename(p / 'a2.txt')
(p / 'a2.txt').replace(p / 'a3.txt')
assert sorted(x.name for x in p.iterdir()) == ['a3.txt', 'b.bin', 'c', 'q']
(p / 'c').unlink()
(p / 'c').unlink(missing_ok=True)
(p / 'q' / 'r').rmdir()

shutil.copyfile('box/data.txt', 'box/p/copy.txt')
assert open('box/p/copy.txt').read() == open('box/data.txt').read()
shutil.copy('box/data.txt', 'box/p/q')
shutil.copy2('box/data.txt', 'box/p/copy2.txt')
assert os.stat('box/p/copy2.txt').st_mtime == os.stat('box/data.txt').st_mtime
shutil.copytree('box/p', 'box/tree')
assert sorted(os.listdir('box/tree')) == ['a3.txt', 'b.bin', 'copy.txt', 'copy2.txt', 'q']
shutil.move('box/tree', 'box/moved')
shutil.move('box/moved/a3.txt', 'box/p/q')
assert os.path.exists('box/p/q/a3.txt') and not os.path.exists('box/tree')
shutil.rmtree('box/moved')
shutil.rmtree('box/p')
os.remove(path)
assert sorted(os.listdir('box')) == ['data.txt', 'link', 'sub', 'updir']
print('ok')

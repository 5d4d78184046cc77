# flags: --allow-read={BOX}
# stdout: first: hello from the box
# stdout: ok
# A read grant: open() in text and binary modes, with, iteration, readline,
# read(n), seek/tell, and the os/pathlib functions that read.
import io
import os
import pathlib

with open('box/data.txt') as f:
    assert isinstance(f, io.TextIOWrapper) and f.mode == 'r' and f.name == 'box/data.txt'
    print('first:', f.readline().rstrip('\n'))
    rest = [line for line in f]
assert rest == ['second line\n'], rest
assert f.closed

f = open(os.path.abspath('box/data.txt'), encoding='utf-8')
assert f.read(5) == 'hello' and f.tell() == 5
assert f.readlines() == [' from the box\n', 'second line\n']
f.seek(0)
assert f.read() == 'hello from the box\nsecond line\n'
f.close()

with open('box/data.txt', 'rb') as f:
    assert isinstance(f, io.BufferedReader)
    assert f.read(5) == b'hello' and f.tell() == 5
    assert f.peek(1)[:1] == b' '
    assert f.readline() == b' from the box\n'
    assert list(f) == [b'second line\n']
    f.seek(-5, 2)
    assert f.read() == b'line\n'
with open('box/data.txt', 'rb', buffering=0) as f:
    assert isinstance(f, io.FileIO) and f.mode == 'rb'
    assert f.readall() == b'hello from the box\nsecond line\n'
with open('box/sub/inner.txt') as f:
    assert f.read() == 'inner\n'

assert sorted(os.listdir('box')) == ['data.txt', 'link', 'sub', 'updir']
assert os.listdir(b'box/sub') == [b'inner.txt']
st = os.stat('box/data.txt')
assert st.st_size == 31 and st[6] == 31 and st.st_mtime > 0
assert os.path.isfile('box/data.txt') and os.path.isdir('box/sub') and os.path.getsize('box/data.txt') == 31
entries = {e.name: (e.is_file(), e.is_dir(), e.is_symlink()) for e in os.scandir('box')}
assert entries['data.txt'] == (True, False, False) and entries['sub'] == (False, True, False)
assert entries['link'][2] and entries['updir'][2]
walked = [(d, sorted(ds), sorted(fs)) for d, ds, fs in os.walk('box')]
assert walked[0][0] == 'box' and ('box/sub', [], ['inner.txt']) in walked, walked

p = pathlib.Path('box')
assert (p / 'data.txt').read_text().startswith('hello')
assert (p / 'data.txt').read_bytes().endswith(b'line\n')
assert sorted(x.name for x in p.iterdir()) == ['data.txt', 'link', 'sub', 'updir']
assert [str(x) for x in p.glob('*.txt')] == ['box/data.txt']
assert sorted(str(x) for x in p.rglob('*.txt')) == ['box/data.txt', 'box/sub/inner.txt']
assert (p / 'data.txt').exists() and not (p / 'missing').exists()
assert (p / 'sub').is_dir() and (p / 'data.txt').stat().st_size == 31
with (p / 'data.txt').open() as f:
    assert f.readline() == 'hello from the box\n'
print('ok')

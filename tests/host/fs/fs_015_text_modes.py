# flags: --allow-write={BOX}
# stdout: ok
# Text files: encodings, error handlers, newline translation, tell/seek
# cookies (the values CPython gives).
import os

p = 'box/t.txt'
with open(p, 'w', encoding='utf-8') as f:
    f.write('abc\né€😀\r\nx\ry\n')
assert open(p, 'rb').read() == 'abc\né€😀\r\nx\ry\n'.encode()
with open(p) as f:
    assert f.read() == 'abc\né€😀\nx\ny\n' and f.newlines == ('\r', '\n', '\r\n')
with open(p, newline='') as f:
    assert list(f) == ['abc\n', 'é€😀\r\n', 'x\r', 'y\n']
with open(p, newline='\n') as f:
    assert f.readlines() == ['abc\n', 'é€😀\r\n', 'x\ry\n']
with open(p, newline='\r') as f:
    assert f.readlines() == ['abc\né€😀\r', '\nx\r', 'y\n']
with open(p) as f:
    cookies = []
    while True:
        c = f.tell()
        line = f.readline()
        if not line:
            break
        cookies.append((c, line))
    assert [c for c, _ in cookies][:3] == [0, 4, 15], cookies
    for c, line in cookies:
        f.seek(c)
        assert f.readline() == line
    f.seek(0)
    assert f.read(5) == 'abc\né' and f.tell() == 6
with open(p, 'w', newline='\r\n') as f:
    f.write('a\nb\n')
assert open(p, 'rb').read() == b'a\r\nb\r\n'
with open(p, 'w', encoding='latin-1') as f:
    f.write('çà')
assert open(p, 'rb').read() == b'\xe7\xe0' and open(p, encoding='latin-1').read() == 'çà'
with open(p, 'w', encoding='utf-16') as f:
    f.write('hi\nthere')
assert open(p, 'rb').read() == b'\xff\xfeh\x00i\x00\n\x00t\x00h\x00e\x00r\x00e\x00'
with open(p, encoding='utf-16') as f:
    assert f.readline() == 'hi\n' and f.tell() == 8 and f.read() == 'there'
with open(p, 'w', encoding='utf-8-sig') as f:
    f.write('bom')
assert open(p, 'rb').read() == b'\xef\xbb\xbfbom' and open(p, encoding='utf-8-sig').read() == 'bom'
open(p, 'wb').write(b'ab\xffcd')
assert open(p, errors='replace').read() == 'ab\ufffdcd'
assert open(p, errors='ignore').read() == 'abcd'
assert open(p, errors='surrogateescape').read() == 'ab\udcffcd'
try:
    open(p).read()
    raise AssertionError
except UnicodeDecodeError as e:
    assert str(e) == "'utf-8' codec can't decode byte 0xff in position 2: invalid start byte", e
try:
    open(p, 'w', encoding='ascii').write('é')
    raise AssertionError
except UnicodeEncodeError:
    pass
for bad, cls in [({'encoding': 'nope'}, LookupError), ({'newline': 'x'}, ValueError), ({'mode': 'rw'}, ValueError),
                 ({'mode': 'rb', 'encoding': 'utf-8'}, ValueError), ({'mode': 'r', 'buffering': 0}, ValueError)]:
    try:
        open('box/never.txt', **{'mode': 'w', **bad})
        raise AssertionError(bad)
    except cls:
        pass
assert not os.path.exists('box/never.txt')  # bad arguments are refused before the file is touched
big = ''.join('line %d %s\n' % (i, 'é' * (i % 7)) for i in range(5000))
with open(p, 'w') as f:
    f.write(big)
with open(p) as f:
    assert f.read() == big
with open(p) as f:
    n = 0
    for line in f:
        assert line == 'line %d %s\n' % (n, 'é' * (n % 7))
        n += 1
    assert n == 5000
print('ok')

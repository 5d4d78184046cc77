# flags: --allow-read={BOX} --allow-write={BOX}/sub
# stdout: ok
# io's file classes, built directly, go through the same door; their reprs,
# attributes and ABCs are CPython's; no file descriptor is ever handed out.
import io

f = open('box/data.txt')
assert repr(f) == "<_io.TextIOWrapper name='box/data.txt' mode='r' encoding='UTF-8'>", repr(f)
assert repr(f.buffer) == "<_io.BufferedReader name='box/data.txt'>"
assert repr(f.buffer.raw) == "<_io.FileIO name='box/data.txt' mode='rb' closefd=True>"
assert f.encoding == 'UTF-8' and f.errors == 'strict' and f.newlines is None and not f.line_buffering
assert f.readable() and not f.writable() and f.seekable() and not f.isatty()
assert isinstance(f, io.TextIOBase) and isinstance(f.buffer, io.BufferedIOBase)
assert isinstance(f.buffer.raw, io.RawIOBase) and isinstance(f, io.IOBase)
assert io.open is open
for fileno in (f.fileno, f.buffer.fileno, f.buffer.raw.fileno):
    try:
        fileno()
        raise AssertionError('fileno')
    except io.UnsupportedOperation:
        pass
f.close()
assert repr(f.buffer.raw) == '<_io.FileIO [closed]>'
for op in (f.read, f.readline, f.tell):
    try:
        op()
        raise AssertionError
    except ValueError as e:
        assert str(e) == 'I/O operation on closed file.'

raw = io.FileIO('box/data.txt')
assert raw.read(5) == b'hello' and raw.mode == 'rb'
buf = io.BufferedReader(raw, buffer_size=4)
text = io.TextIOWrapper(buf, encoding='ascii', newline='')
assert text.readline() == ' from the box\n' and text.read() == 'second line\n'
text.close()
assert raw.closed
w = io.FileIO('box/sub/new.bin', 'w')
bw = io.BufferedWriter(w)
assert bw.write(b'abc') == 3
bw.close()
assert open('box/sub/new.bin', 'rb').read() == b'abc'
rw = io.BufferedRandom(io.FileIO('box/sub/new.bin', 'r+'))
rw.seek(1)
rw.write(b'Z')
rw.seek(0)
assert rw.read() == b'aZc'
rw.close()
for bad in (lambda: io.FileIO('box/data.txt', 'w'), lambda: io.FileIO('outside.txt'),
            lambda: io.FileIO('box/data.txt', 'a'), lambda: open('box/data.txt', 'r+')):
    try:
        bad()
        raise AssertionError
    except PermissionError:
        pass
try:
    io.FileIO(0)
    raise AssertionError('FileIO(0)')
except OSError as e:
    assert e.errno == 9
try:
    open('box/data.txt', opener=lambda p, fl: 0)
    raise AssertionError('opener')
except ValueError:
    pass
# In-memory streams through the same wrappers.
t = io.TextIOWrapper(io.BytesIO(b'a\r\nb\rc\n'), encoding='utf-8')
assert t.readlines() == ['a\n', 'b\n', 'c\n'] and t.newlines == ('\r', '\n', '\r\n')
print('ok')

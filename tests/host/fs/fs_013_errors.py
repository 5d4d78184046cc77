# flags: --allow-write={BOX}
# stdout: ok
# OSError subclasses with CPython's messages and errno/strerror/filename.
import errno
import os

def check(f, cls, no, text):
    try:
        f()
    except OSError as e:
        assert type(e) is cls, (type(e), cls)
        assert e.errno == no and e.errno == getattr(errno, errno.errorcode[no])
        assert str(e) == text, str(e)
        assert e.strerror == os.strerror(no)
        return e
    raise AssertionError('no error: ' + text)

check(lambda: open('box/missing.txt'), FileNotFoundError, errno.ENOENT,
      "[Errno 2] No such file or directory: 'box/missing.txt'")
check(lambda: open(b'box/missing.txt'), FileNotFoundError, errno.ENOENT,
      "[Errno 2] No such file or directory: b'box/missing.txt'")
check(lambda: open('box/sub'), IsADirectoryError, errno.EISDIR, "[Errno 21] Is a directory: 'box/sub'")
check(lambda: open('box/sub', 'w'), IsADirectoryError, errno.EISDIR, "[Errno 21] Is a directory: 'box/sub'")
check(lambda: open('box/data.txt/x'), NotADirectoryError, errno.ENOTDIR,
      "[Errno 20] Not a directory: 'box/data.txt/x'")
check(lambda: open('box/data.txt', 'x'), FileExistsError, errno.EEXIST, "[Errno 17] File exists: 'box/data.txt'")
check(lambda: os.mkdir('box/sub'), FileExistsError, errno.EEXIST, "[Errno 17] File exists: 'box/sub'")
check(lambda: os.rmdir('box'), PermissionError, errno.EACCES, "[Errno 13] Permission denied: 'box'")
check(lambda: os.rmdir('box/data.txt'), NotADirectoryError, errno.ENOTDIR,
      "[Errno 20] Not a directory: 'box/data.txt'")
check(lambda: os.rmdir('box/missing'), FileNotFoundError, errno.ENOENT,
      "[Errno 2] No such file or directory: 'box/missing'")
check(lambda: os.remove('box/sub'), IsADirectoryError, errno.EISDIR, "[Errno 21] Is a directory: 'box/sub'")
check(lambda: os.listdir('box/data.txt'), NotADirectoryError, errno.ENOTDIR,
      "[Errno 20] Not a directory: 'box/data.txt'")
e = check(lambda: os.rename('box/missing', 'box/x'), FileNotFoundError, errno.ENOENT,
          "[Errno 2] No such file or directory: 'box/missing' -> 'box/x'")
assert e.filename == 'box/missing' and e.filename2 == 'box/x'
e = check(lambda: open('outside.txt'), PermissionError, errno.EACCES, "[Errno 13] Permission denied: 'outside.txt'")
assert e.filename == 'outside.txt'
os.mkdir('box/full')
open('box/full/f', 'w').close()
check(lambda: os.rmdir('box/full'), OSError, errno.ENOTEMPTY, "[Errno 39] Directory not empty: 'box/full'")
for bad, cls, msg in [(None, TypeError, 'expected str, bytes or os.PathLike object, not NoneType'),
                      (1.5, TypeError, 'expected str, bytes or os.PathLike object, not float'),
                      ('a\0b', ValueError, 'embedded null byte')]:
    try:
        open(bad)
    except cls as e:
        assert str(e) == msg, str(e)
    else:
        raise AssertionError(bad)
try:
    os.stat(None)
except TypeError as e:
    assert str(e) == 'stat: path should be string, bytes, os.PathLike or integer, not NoneType', e
try:
    os.mkdir(None)
except TypeError as e:
    assert str(e) == 'mkdir: path should be string, bytes or os.PathLike, not NoneType', e
try:
    open(3)
except OSError as e:
    assert e.errno == errno.EBADF, e  # capy has no file descriptors
print('ok')

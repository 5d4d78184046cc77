# flags: --allow-read={BOX} --allow-write={BOX}
# stdout: ok
# absent: root:
# Absolute paths outside every grant are refused by every file function:
# PermissionError, whether or not the file exists.
import io
import os
import pathlib
import shutil

outside = os.path.abspath('outside.txt')
for p in [outside, '/etc/passwd', '/etc/hostname', '/etc/no-such-file', '/', '/tmp', '/dev/null',
          os.path.dirname(outside), 'outside.txt', '.', '', ]:
    for attempt in (lambda: open(p), lambda: open(p, 'rb', buffering=0), lambda: io.FileIO(p),
                    lambda: os.stat(p), lambda: os.lstat(p), lambda: os.listdir(p),
                    lambda: list(os.scandir(p)), lambda: pathlib.Path(p).read_bytes(),
                    lambda: open(p, 'a'), lambda: os.remove(p), lambda: os.rmdir(p),
                    lambda: os.mkdir(p), lambda: os.utime(p), lambda: pathlib.Path(p).touch()):
        try:
            attempt()
        except PermissionError as e:
            assert e.errno == 13 and e.strerror == 'Permission denied', e
        except FileNotFoundError:
            assert p == '', p  # '' names nothing, as in CPython
        else:
            raise AssertionError('not refused: %r' % p)
    if p:
        assert not os.path.exists(p) and not os.path.isfile(p) and not os.path.isdir(p), p
for src, dst in [(outside, 'box/stolen.txt'), ('box/data.txt', outside), ('box/data.txt', '/tmp/x')]:
    for move in (os.rename, os.replace, shutil.move, shutil.copyfile):
        try:
            move(src, dst)
        except PermissionError:
            pass
        else:
            raise AssertionError('%s %s -> %s' % (move.__name__, src, dst))
assert open('box/data.txt').readline() == 'hello from the box\n'
assert not os.path.exists('box/stolen.txt')
print('ok')

# flags: --allow-read={BOX} --allow-write={BOX}
# stdout: ok
# absent: outside
# '..' cannot climb out of the grant, however it is spelled, for reading or
# writing; '..' that stays inside works.
import os

box = os.path.abspath('box')
ws_name = box.split('/')[-2]
escapes = [
    'box/../outside.txt',
    box + '/../outside.txt',
    box + '/./../outside.txt',
    box + '//..//outside.txt',
    box + '/sub/../../outside.txt',
    box + '/../box/../outside.txt',
    box + '/' + '../' * 30 + box.lstrip('/') + '/../outside.txt',
    box + '/../../' + ws_name + '/outside.txt',
    'box/sub/../../outside.txt',
    '../' + ws_name + '/outside.txt',
    box + '/..',
    'box/..',
]
for p in escapes:
    for mode in ('r', 'rb', 'a', 'w'):
        try:
            with open(p, mode) as f:
                print('opened', p, f.read() if 'r' in mode else '')
            raise AssertionError('%s opened with %s' % (p, mode))
        except PermissionError as e:
            assert e.errno == 13 and e.filename == p, e
    try:
        os.listdir(p)
        raise AssertionError('listed ' + p)
    except (PermissionError, NotADirectoryError):
        pass
for p in [box + '/missing/../../outside.txt']:
    try:
        open(p)
        raise AssertionError(p)
    except (PermissionError, FileNotFoundError):
        pass
try:
    open(box + '/data.txt/../../outside.txt')
    raise AssertionError('through a file')
except NotADirectoryError:
    pass
for bad in ['box/../escaped.txt', box + '/sub/../../escaped.txt']:
    for op in (lambda: open(bad, 'w'), lambda: os.mkdir(bad), lambda: os.rename('box/data.txt', bad)):
        try:
            op()
            raise AssertionError('created ' + bad)
        except PermissionError:
            pass
# '..' inside the grant.
assert open('box/sub/../data.txt').readline() == 'hello from the box\n'
assert open(box + '/../box/sub/inner.txt').read() == 'inner\n'
assert open('box/sub/./../sub/inner.txt').read() == 'inner\n'
print('ok')

# flags: --allow-read={BOX} --allow-write={BOX}/sub
# stdout: ok
# Grants nest: the write grant of box/sub allows writing there only, the
# read grant of box covers the rest.
import os

with open('box/sub/new.txt', 'w') as f:
    f.write('ok')
assert open('box/sub/new.txt').read() == 'ok'
os.mkdir('box/sub/d')
os.rename('box/sub/new.txt', 'box/sub/d/moved.txt')
for attempt in (lambda: open('box/new.txt', 'w'), lambda: os.rename('box/sub/d/moved.txt', 'box/moved.txt'),
                lambda: os.rename('box/data.txt', 'box/sub/data.txt'), lambda: os.rmdir('box/sub'),
                lambda: os.remove('box/data.txt')):
    try:
        attempt()
        raise AssertionError
    except PermissionError:
        pass
assert open('box/sub/../data.txt').readline() == 'hello from the box\n'
print('ok')

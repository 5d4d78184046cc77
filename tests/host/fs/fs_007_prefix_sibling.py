# flags: --allow-read={BOX} --allow-write={BOX}
# stdout: ok
# A grant covers whole path components: '{BOX}-sibling.txt' or '{BOX}x/y' start
# with the grant's text but lie outside it (PermissionError, not
# FileNotFoundError: the door never looks there).
import os

box = os.path.abspath('box')
for p in [box + '-sibling.txt', box + 'x/y.txt', box + '.txt', 'box-sibling.txt', box[:-1], box + '~']:
    for attempt in (lambda: open(p), lambda: open(p, 'w'), lambda: os.stat(p), lambda: os.mkdir(p)):
        try:
            attempt()
            raise AssertionError(p)
        except PermissionError:
            pass
assert not os.path.exists(box + '-sibling.txt')
print('ok')

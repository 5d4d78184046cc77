# flags: --allow-read={BOX}
# stdout: ok
# absent: outside
# /proc's magic links (cwd, root, fd/N, exe) and files (environ, maps) are
# outside every grant.
import os

for p in ['/proc/self/cwd/outside.txt', '/proc/self/root' + os.path.abspath('outside.txt'),
          '/proc/self/environ', '/proc/self/maps', '/proc/self/fd/0', '/proc/self/exe',
          '/proc/self/cwd/box/data.txt', '/proc/thread-self/cwd/outside.txt', '/proc/1/environ']:
    for attempt in (lambda: open(p, 'rb'), lambda: os.listdir(p), lambda: os.stat(p), lambda: os.readlink(p)):
        try:
            attempt()
            raise AssertionError(p)
        except PermissionError:
            pass
print('ok')

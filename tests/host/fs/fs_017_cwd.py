# flags: --allow-read={BOX}
# stdout: cwd={WS}
# stdout: ok
# Relative paths start from the process's working directory (the workspace,
# outside the box): those that land in the box work, the others are refused.
import os
import pathlib

print('cwd=' + os.getcwd())
assert pathlib.Path.cwd() == pathlib.Path(os.getcwd())
assert os.path.abspath('box') == os.getcwd() + '/box'
assert open('box/data.txt').readline() == 'hello from the box\n'
assert open('./box/./data.txt').readline() == 'hello from the box\n'
for p in ['outside.txt', './outside.txt', 'box/../outside.txt', 'box/updir/outside.txt', 'box/link', '.']:
    try:
        open(p).read()
        raise AssertionError(p)
    except (PermissionError, IsADirectoryError):
        pass
assert os.path.realpath('box/sub/..') == os.getcwd() + '/box'
print('ok')

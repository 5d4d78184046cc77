# flags: --allow-read={BOX} --allow-write={BOX}
# stdout: ok
# capy creates no links (a hard link to a file outside would pass any path
# check later; a symlink left in the box could mislead the host) and hands
# out no file descriptors.
import os
import pathlib
import shutil

for name in ('link', 'symlink', 'open', 'fdopen', 'dup', 'lchown', 'chown', 'mkfifo', 'mknod'):
    assert not hasattr(os, name), name
for attempt in (lambda: pathlib.Path('box/l').symlink_to('data.txt'),
                lambda: pathlib.Path('box/h').hardlink_to('box/data.txt'),
                lambda: shutil.copyfile('box/link', 'box/l2', follow_symlinks=False)):
    try:
        attempt()
        raise AssertionError
    except NotImplementedError:
        pass
try:
    shutil.copytree('box', 'box/copy', symlinks=True)
    raise AssertionError
except shutil.Error as e:
    assert len(e.args[0]) == 2 and all('symbolic links' in why for _, _, why in e.args[0]), e
assert sorted(os.listdir('box/copy')) == ['data.txt', 'sub']
print('ok')

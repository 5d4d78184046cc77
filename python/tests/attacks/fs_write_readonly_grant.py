# family: fs
# options: {"read_dirs": ["{BOX}"]}
# expect: error
# check: box-unchanged
# why: A read-only grant must refuse every kind of change: create, truncate, append, rename, delete, mkdir.
import os, shutil, pathlib
tries = {
    'create': lambda: open('{BOX}/new.txt', 'w').write('x'),
    'truncate': lambda: open('{BOX}/data.txt', 'w'),
    'append': lambda: open('{BOX}/data.txt', 'a').write('more'),
    'rename': lambda: os.rename('{BOX}/data.txt', '{BOX}/moved.txt'),
    'remove': lambda: os.remove('{BOX}/data.txt'),
    'mkdir': lambda: os.mkdir('{BOX}/newdir'),
    'rmtree': lambda: shutil.rmtree('{BOX}/sub'),
    'pathlib': lambda: pathlib.Path('{BOX}/p.txt').write_text('x'),
}
refused = 0
for label, attempt in tries.items():
    try:
        attempt()
        print('PWN' + 'ED', label)
    except OSError as e:
        refused += 1
        print(label, 'refused', type(e).__name__)
raise PermissionError('%d of %d refused' % (refused, len(tries)))

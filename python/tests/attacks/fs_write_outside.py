# family: fs
# options: {"write_dirs": ["{BOX}"]}
# expect: error
# why: With a write grant on the box, writing outside it: the victim by absolute path, through '..', through the updir symlink, and a copy of the secret into the box.
import os, shutil
tries = {
    'absolute': lambda: open('{VICTIM}', 'w').write('overwritten'),
    'dotdot': lambda: open('{BOX}/../victim.txt', 'a').write('appended'),
    'symlink dir': lambda: open('{BOX}/updir/victim.txt', 'w').write('through link'),
    'rename out': lambda: os.rename('{BOX}/data.txt', '{WS}/stolen.txt'),
    'copy in': lambda: shutil.copyfile('{SECRET}', '{BOX}/copy.txt'),
    'new file outside': lambda: open('{WS}/planted.txt', 'w').write('x'),
    'remove victim': lambda: os.remove('{VICTIM}'),
}
for label, attempt in tries.items():
    try:
        attempt()
        print('PWN' + 'ED', label)
    except OSError as e:
        print(label, 'refused', type(e).__name__)
raise PermissionError('every write outside the box was refused')

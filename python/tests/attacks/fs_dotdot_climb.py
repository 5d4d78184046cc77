# family: fs
# options: {"read_dirs": ["{BOX}"]}
# expect: error
# why: A path that starts in the granted directory and climbs out of it with '..', in several spellings.
import os
for path in ('{BOX}/../secret.txt', '{BOX}/sub/../../secret.txt', '{BOX}/./../secret.txt',
             '{BOX}//..//secret.txt'):
    try:
        print(open(path).read())
    except OSError as e:
        print('refused', type(e).__name__)
print(open(os.path.join('{BOX}', '..', 'secret.txt')).read())

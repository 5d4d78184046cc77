# family: fs
# options: {"read_dirs": ["{BOX}"]}
# expect: error
# why: An absolute path outside the grant, and the same file through os.open and pathlib.
import os, pathlib
for reader in (lambda: pathlib.Path('{SECRET}').read_text(),
               lambda: os.read(os.open('{SECRET}', os.O_RDONLY), 100)):
    try:
        print(reader())
    except Exception as e:
        print('refused', type(e).__name__)
print(open('{SECRET}').read())

# family: legit
# options: {"read_dirs": ["{BOX}"]}
# expect: ok
# check: output-contains hello from the box
# check: output-contains inner
# why: Reading inside a read grant works with open, os, pathlib and os.walk.
import os, pathlib
print(open('{BOX}/data.txt').read().splitlines()[0])
print(pathlib.Path('{BOX}/sub/inner.txt').read_text().strip())
print(sorted(name for _, _, files in os.walk('{BOX}/sub') for name in files))
print(os.path.getsize('{BOX}/data.txt'))

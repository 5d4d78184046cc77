# family: fs
# options: {"read_dirs": ["{BOX}"]}
# expect: error
# why: Symbolic links inside the box that point out of it: to a file (absolute) and to the parent directory (relative).
for path in ('{BOX}/updir/secret.txt', '{BOX}/updir/box-sibling.txt'):
    try:
        print(open(path).read())
    except OSError as e:
        print('refused', type(e).__name__)
print(open('{BOXLINK}').read())

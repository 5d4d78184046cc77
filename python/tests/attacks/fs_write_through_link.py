# family: fs
# options: {"write_dirs": ["{BOX}"]}
# expect: error
# why: Opening the box's symlink to the secret for writing would truncate a file outside the box.
with open('{BOXLINK}', 'w') as f:
    f.write('replaced')

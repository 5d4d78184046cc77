# family: legit
# options: {"write_dirs": ["{BOX}"]}
# expect: ok
# check: output-contains written 5 lines
# why: Writing inside a write grant works: create, append, rename, remove, mkdir.
import os, shutil
os.makedirs('{BOX}/out/deeper', exist_ok=True)
with open('{BOX}/out/log.txt', 'w') as f:
    for i in range(5):
        f.write('line %d\n' % i)
os.rename('{BOX}/out/log.txt', '{BOX}/out/deeper/log.txt')
shutil.copyfile('{BOX}/out/deeper/log.txt', '{BOX}/copy.txt')
os.remove('{BOX}/copy.txt')
print('written', len(open('{BOX}/out/deeper/log.txt').read().splitlines()), 'lines')

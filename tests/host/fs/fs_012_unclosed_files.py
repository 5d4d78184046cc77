# flags: --allow-write={BOX}
# stdout: ok
# A file object dropped without close() (which CPython closes at once) has
# written its data before any later file operation looks at the file; files
# left open at the end are flushed when the isolate ends.
import json
import os

open('box/a.txt', 'w').write('written without close\n')
assert open('box/a.txt').read() == 'written without close\n'
json.dump({'k': [1, 2]}, open('box/b.json', 'w'))
assert json.load(open('box/b.json')) == {'k': [1, 2]}
# capy writes out every buffered writer before a file operation, also one
# still referenced (CPython would show 0 bytes here until f is flushed).
f = open('box/c.txt', 'wb')
f.write(b'x' * 10)
assert os.path.getsize('box/c.txt') == 10
f.write(b'y')
g = open('box/c.txt', 'rb')
assert g.read() == b'x' * 10 + b'y'
for i in range(600):
    open('box/many.txt', 'a').write('%d\n' % i)
assert len(open('box/many.txt').read().split()) == 600
keep = open('box/left-open.txt', 'w')
keep.write('flushed at exit\n')
print('ok')

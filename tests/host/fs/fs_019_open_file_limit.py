# flags: --allow-read={BOX}
# stdout: ok
# Files kept open count against a bound (OSError EMFILE, "Too many open
# files"); files dropped without close() are closed by the collector.
import errno

kept = []
try:
    for i in range(10000):
        kept.append(open('box/data.txt'))
    raise AssertionError('no limit')
except OSError as e:
    assert e.errno == errno.EMFILE and 'Too many open files' in str(e), e
n = len(kept)
assert 16 <= n < 10000, n
for f in kept:
    f.close()
kept = None
for i in range(3 * n):
    open('box/data.txt').readline()
print('ok')

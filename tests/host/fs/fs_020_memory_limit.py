# flags: --allow-write={BOX} --max-memory=48M
# stdout: ok
# Reading is charged to the isolate's heap: a file larger than the memory
# limit ends in MemoryError, not in host memory growth.
with open('box/big.bin', 'wb') as f:
    chunk = b'x' * (1 << 20)
    for i in range(64):
        f.write(chunk)
chunk = None
try:
    data = open('box/big.bin', 'rb').read()
    raise AssertionError(len(data))
except MemoryError:
    pass
with open('box/big.bin', 'rb') as f:
    total = 0
    while True:
        block = f.read(1 << 20)
        if not block:
            break
        total += len(block)
assert total == 64 << 20
print('ok')

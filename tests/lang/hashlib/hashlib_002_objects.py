import hashlib

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

h = hashlib.sha256()
print(type(h), type(h).__name__, type(hashlib.shake_128()), repr(hashlib.md5()).split(' object @ ')[0])
print(repr(hashlib.blake2b()).split(' object at ')[0])
print(isinstance(hashlib.shake_256(), type(h)))
show(type(h))
print(h.hexdigest(), h.digest_size, h.block_size, h.name)
h.update(b'abc')
print(h.hexdigest())
h.update(bytearray(b'def'))
print(h.hexdigest() == hashlib.sha256(b'abcdef').hexdigest())
show(h.update)
show(h.update, b'a', b'b')
show(h.digest, 1)
show(h.update, None)
show(hashlib.sha256, b'a', b'b')
show(hashlib.sha256, foo=1)

# Big inputs and chunked updates give the same digest.
big = bytes(range(256)) * 1000
for name in ['md5', 'sha1', 'sha512', 'sha3_512', 'blake2b', 'blake2s']:
    a = hashlib.new(name, big)
    b = hashlib.new(name)
    for i in range(0, len(big), 777):
        b.update(big[i:i + 777])
    print(name, a.hexdigest() == b.hexdigest(), a.hexdigest()[:32])

# Known vectors.
print(hashlib.md5(b'').hexdigest())
print(hashlib.sha1(b'The quick brown fox jumps over the lazy dog').hexdigest())
print(hashlib.sha256(b'').hexdigest())
print(hashlib.sha3_256(b'').hexdigest())
print(hashlib.shake_128(b'').hexdigest(16))
print(hashlib.blake2b(b'').hexdigest())
print(hashlib.blake2s(b'').hexdigest())
print(hashlib.blake2b(b'abc', digest_size=32, person=b'me', salt=b'pepper').hexdigest())
print(hashlib.blake2s(b'abc', key=b'k' * 32, digest_size=16).hexdigest())

# Tree hashing example from the documentation (blake2b).
FANOUT, DEPTH, LEAF_SIZE, INNER_SIZE = 2, 2, 4096, 64
buf = bytearray(6000)
h00 = hashlib.blake2b(buf[0:LEAF_SIZE], fanout=FANOUT, depth=DEPTH, leaf_size=LEAF_SIZE,
                      inner_size=INNER_SIZE, node_offset=0, node_depth=0, last_node=False)
h01 = hashlib.blake2b(buf[LEAF_SIZE:], fanout=FANOUT, depth=DEPTH, leaf_size=LEAF_SIZE,
                      inner_size=INNER_SIZE, node_offset=1, node_depth=0, last_node=True)
h10 = hashlib.blake2b(digest_size=32, fanout=FANOUT, depth=DEPTH, leaf_size=LEAF_SIZE,
                      inner_size=INNER_SIZE, node_offset=0, node_depth=1, last_node=True)
h10.update(h00.digest())
h10.update(h01.digest())
print(h10.hexdigest())
b = hashlib.blake2s(b'x', node_offset=2**48 - 1, leaf_size=2**32 - 1)
print(b.hexdigest(), b.digest_size, b.block_size, b.name)
c = b.copy()
c.update(b'y')
print(b.hexdigest() != c.hexdigest())
show(hashlib.blake2b, digest_size=1.5)
show(hashlib.blake2b, key='str')

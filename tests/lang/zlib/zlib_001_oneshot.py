import zlib

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

samples = [b'', b'a', b'hello world', b'abc' * 1000, bytes(range(256)) * 4, bytearray(b'bytearray data')]
for s in samples:
    for level in [-1, 0, 1, 6, 9]:
        c = zlib.compress(s, level)
        assert zlib.decompress(c) == s
        print(level, len(c), c[:12])
    for wbits in [9, 15, -15, 31, -9]:
        c = zlib.compress(s, 6, wbits)
        print('wbits', wbits, len(c), c[:4], zlib.decompress(c, wbits) == s)
    print(zlib.decompress(zlib.compress(s), 47) == s)
print(zlib.compress(b'abc', level=9, wbits=-15))
print(zlib.decompress(zlib.compress(b'abc' * 100), bufsize=1))
print(zlib.decompress(zlib.compress(b'abc'), bufsize=0))

show(zlib.decompress, b'xxxx')
show(zlib.decompress, zlib.compress(b'abc')[:-2])
show(zlib.decompress, b'')
show(zlib.decompress, b'abc', 99)
show(zlib.compress, b'abc', 10)
show(zlib.compress, b'abc', 6, 99)
show(zlib.decompress, zlib.compress(b'abc'), bufsize=-1)
show(zlib.compress, 'abc')
show(zlib.compress, b'a', 'x')
show(zlib.compress, b'a', 2**40)
show(zlib.compress, b'a', 1.5)
show(zlib.compress, b'a', foo=1)
show(zlib.compress)
show(zlib.decompress, zlib.compress(b'abc'), wbits=-15)
show(zlib.decompress, zlib.compress(b'abc') + b'junk')
show(zlib.decompress, b'x\x9c\x03\x00\x00\x00\x00\x02')

for data in [b'', b'a', b'hello world', bytes(range(256)) * 10]:
    print(zlib.crc32(data), zlib.adler32(data), zlib.crc32(data, 123), zlib.adler32(data, 123))
print(zlib.crc32(b'abc', -1), zlib.adler32(b'abc', 2**40 + 3))
c = zlib.crc32(b'hello ')
print(zlib.crc32(b'world', c) == zlib.crc32(b'hello world'))
show(zlib.crc32, 'abc')
show(zlib.crc32)
show(zlib.adler32, b'a', 1, 2)

for name in ['MAX_WBITS', 'DEFLATED', 'DEF_MEM_LEVEL', 'DEF_BUF_SIZE', 'Z_NO_COMPRESSION', 'Z_BEST_SPEED',
             'Z_BEST_COMPRESSION', 'Z_DEFAULT_COMPRESSION', 'Z_FILTERED', 'Z_HUFFMAN_ONLY', 'Z_RLE', 'Z_FIXED',
             'Z_DEFAULT_STRATEGY', 'Z_NO_FLUSH', 'Z_PARTIAL_FLUSH', 'Z_SYNC_FLUSH', 'Z_FULL_FLUSH', 'Z_FINISH',
             'Z_BLOCK', 'Z_TREES']:
    print(name, getattr(zlib, name))
print(type(zlib.ZLIB_VERSION).__name__, type(zlib.ZLIB_RUNTIME_VERSION).__name__)
print(zlib.error, zlib.error.__mro__)

import zlib

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

data = b''.join(b'line %d of some text\n' % i for i in range(2000))

# Streaming compression.
c = zlib.compressobj()
print(type(c).__name__, type(c).__module__, type(c))
parts = [c.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(c.flush())
comp = b''.join(parts)
print(len(comp), zlib.decompress(comp) == data)
show(c.flush)
show(c.compress, b'x')
show(c.copy)

c = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_FILTERED)
out = c.compress(b'abc' * 100) + c.flush(zlib.Z_SYNC_FLUSH)
print(out[-4:], len(out))
out += c.compress(b'def') + c.flush(zlib.Z_FULL_FLUSH) + c.flush()
print(zlib.decompress(out, -15))
c = zlib.compressobj()
print(c.flush(zlib.Z_NO_FLUSH))
c2 = c.copy()
h1 = c.compress(b'one')
h2 = c2.compress(b'two')
print(zlib.decompress(h1 + c.flush()), zlib.decompress(h2 + c2.flush()))

show(zlib.compressobj, 10)
show(zlib.compressobj, method=9)
show(zlib.compressobj, wbits=99)
show(zlib.compressobj, memLevel=0)
show(zlib.compressobj, zdict=3)
show(zlib.compressobj, foo=3)

# Streaming decompression.
comp = zlib.compress(data)
d = zlib.decompressobj()
out = b''.join(d.decompress(comp[i:i + 100]) for i in range(0, len(comp), 100))
out += d.flush()
print(out == data, d.eof, d.unused_data, d.unconsumed_tail)

# max_length and unconsumed_tail.
d = zlib.decompressobj()
chunk = d.decompress(comp, 100)
print(len(chunk), len(d.unconsumed_tail) > 0, d.eof)
total = chunk
while d.unconsumed_tail:
    total += d.decompress(d.unconsumed_tail, 5000)
total += d.flush()
print(total == data, d.eof, d.unconsumed_tail)

# unused_data.
d = zlib.decompressobj()
print(d.decompress(zlib.compress(b'hello') + b'extra'))
print(d.eof, d.unused_data, d.unconsumed_tail)
print(d.decompress(b'more'), d.unused_data)
print(d.flush(), d.flush())
show(d.decompress, b'x')
show(d.copy)

d = zlib.decompressobj()
show(d.decompress, b'garbage')
d = zlib.decompressobj()
print(d.decompress(b'x\x9c'), d.flush(), d.eof)
d = zlib.decompressobj()
print(d.decompress(comp[:50]))
d2 = d.copy()
print(len(d.decompress(comp[50:])) == len(d2.decompress(comp[50:])))

show(zlib.decompressobj, 99)
show(zlib.decompressobj, zdict=3)
show(zlib.decompressobj().decompress, b'x', -1)
show(zlib.decompressobj().flush, 0)
show(zlib.decompressobj().decompress, 'abc')

# zdict.
zd = b'the quick brown fox jumps over the lazy dog'
c = zlib.compressobj(zdict=zd)
comp = c.compress(b'the lazy dog and the quick fox') + c.flush()
d = zlib.decompressobj(zdict=zd)
print(d.decompress(comp), len(comp))
show(zlib.decompress, comp)
d = zlib.decompressobj()
show(d.decompress, comp)
c = zlib.compressobj(wbits=-15, zdict=zd)
comp = c.compress(b'quick brown fox') + c.flush()
print(zlib.decompressobj(wbits=-15, zdict=zd).decompress(comp))
print(zlib.decompressobj(-15, bytearray(zd)).decompress(comp))

# gzip container.
c = zlib.compressobj(wbits=31)
gz = c.compress(b'gzip me') + c.flush()
print(gz[:3], zlib.decompress(gz, 31), zlib.decompress(gz, 47))
show(zlib.decompress, gz)

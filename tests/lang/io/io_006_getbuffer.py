# io.BytesIO.getbuffer(): a writable view of the contents; while one is
# exported the BytesIO refuses to change (BufferError) until it is released.
import io


def attempt(name, f):
    try:
        print(name, f())
    except (BufferError, ValueError, TypeError) as e:
        print(name, type(e).__name__ + ':', e)


b = io.BytesIO(b'abcdef')
m = b.getbuffer()
print(type(m).__name__, m.readonly, m.format, m.itemsize, m.nbytes, len(m), m.ndim, m.shape)
print(type(m.obj).__name__, type(m.obj).__module__, m.obj is m.obj, bytes(m), m[1], m[-1], m.tolist()[:2])
m[0] = ord('X')
m[1:3] = b'YZ'
print(b.getvalue(), m.hex(), bytes(m[::2]), m.cast('c')[0])
attempt('write', lambda: b.write(b'z'))
attempt('write empty', lambda: b.write(b''))
attempt('writelines', lambda: b.writelines([b'q']))
attempt('writelines empty', lambda: b.writelines([]))
attempt('truncate', lambda: b.truncate(2))
attempt('truncate None', lambda: b.truncate())
attempt('close', lambda: b.close())
attempt('closed', lambda: b.closed)
attempt('seek', lambda: b.seek(2))
attempt('read', lambda: b.read(2))
attempt('readinto', lambda: b.readinto(bytearray(2)))
attempt('tell', lambda: b.tell())
attempt('getvalue', lambda: b.getvalue())
attempt('slice assign size', lambda: m.__setitem__(slice(0, 2), b'abc'))
m2 = b.getbuffer()
m.release()
attempt('write after one release', lambda: b.write(b'z'))
m2.release()
attempt('write after both', lambda: b.write(b'z'))
print(b.getvalue())
attempt('released view', lambda: m[0])

# A slice of a view keeps the export alive until it is released too.
v = b.getbuffer()
part = v[1:3]
v.release()
attempt('write with slice alive', lambda: b.write(b'!'))
print(bytes(part))
part.release()
attempt('write after slice released', lambda: b.write(b'!'))

# A view that is no longer referenced does not block changes.
v = b.getbuffer()
del v
attempt('write after del', lambda: b.write(b'?'))
print(b.getvalue())

with b.getbuffer() as w:
    w[0] = ord('w')
    attempt('inside with', lambda: b.write(b'x'))
attempt('after with', lambda: b.write(b'x'))
print(b.getvalue())

# Empty, past-the-end position, subclass, closed.
e = io.BytesIO()
ev = e.getbuffer()
print(len(ev), bytes(ev))
ev.release()
s = io.BytesIO(b'ab')
s.seek(10)
sv = s.getbuffer()
print(len(sv), bytes(sv))
sv.release()


class Sub(io.BytesIO):
    pass


sb = Sub(b'sub')
mm = sb.getbuffer()
mm[0:1] = b'S'
mm.release()
print(sb.getvalue())
c = io.BytesIO(b'x')
c.close()
attempt('closed getbuffer', lambda: c.getbuffer())
attempt('getbuffer args', lambda: io.BytesIO().getbuffer(1))
try:
    memoryview(io.BytesIO(b'x'))
except TypeError:
    print('memoryview of BytesIO: TypeError')

# A failed re-initialisation still resets the position and size (as CPython).
r = io.BytesIO(b'abcdef')
r.seek(3)
rv = r.getbuffer()
attempt('__init__', lambda: r.__init__(b'new'))
print(r.getvalue(), r.tell())
rv.release()
r.__init__(b'new')
print(r.getvalue(), r.tell())

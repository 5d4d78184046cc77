import array
import io

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

b = io.BytesIO(b'abcdefghij')
m = bytearray(4)
print(b.readinto(memoryview(m)[1:3]), m)
a = array.array('b', [0, 0, 0])
print(b.readinto(a), a)
print(b.readinto1(bytearray(10)), b.readinto(bytearray(3)))
show(b.readinto, memoryview(b'xx'))
show(b.readinto, b'xx')
mv = memoryview(bytearray(2))
mv.release()
show(b.readinto, mv)
w = io.BytesIO()
print(w.write(memoryview(b'mem')), w.write(array.array('B', [65, 66])), w.getvalue())
print(io.BytesIO(memoryview(b'init')).getvalue(), io.BytesIO(bytearray(b'ba')).read())
w.writelines([memoryview(b'x'), b'y', bytearray(b'z')])
print(w.getvalue())

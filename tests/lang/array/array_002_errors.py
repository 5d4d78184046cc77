# array errors: item conversion per typecode, bad typecodes and initializers, index and slice errors, exports.
from array import array
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
for tc in 'bBuhHiIlLqQfd':
    a = array(tc)
    print(tc, a.itemsize)
    for v in (2**64, -2**64, 2**31, -2**31-1, 2**15, -2**15-1, 256, -129, -1, 1.5, 'x', 'xy', None, True):
        try:
            a.append(v)
        except Exception as e:
            print(' ', tc, repr(v) if not isinstance(v, int) or abs(v) < 1000 else 'big%d' % v.bit_length(), type(e).__name__, e)
t(array, 'z'); t(array, 5); t(array, 'ii'); t(array, 'b', 'abc'); t(array, 'u', [1]); t(array, 'b', 5); t(array)
t(array, 'i', b'abc'); t(array, 'u', 'hé'); t(array, 'b', [1, 'x'])
a = array('i', [1, 2, 3])
t(a.__add__, [1]); t(a.__add__, array('b')); t(a.extend, array('b')); t(a.extend, 5); t(a.__mul__, 'x'); t(a.index, 9); t(a.remove, 9); t(array('i').pop); t(a.pop, 9)
t(a.__getitem__, 9); t(a.__setitem__, 9, 1); t(a.__getitem__, 'x'); t(a.__setitem__, slice(0, 2), [1]); t(a.__setitem__, slice(0, 3, 2), array('i', [1]))
t(a.frombytes, b'abc'); t(a.frombytes, 'abc'); t(a.fromunicode, 'x'); t(array('u').fromunicode, 5); t(a.tounicode); t(a.fromlist, (1,)); t(a.fromlist, [1, 'x']); print(a)
t(hash, a); t(a.__lt__, 5); t(lambda: a < array('d', [1.0, 3]))
m = memoryview(a); t(a.append, 1); t(a.pop); t(a.__delitem__, 0); t(a.__iadd__, array('i', [1])); t(a.__imul__, 2); t(a.frombytes, b'1234'); t(a.__setitem__, slice(0, 1), array('i'))
a[0] = 7; print(a, m.tolist()); m.release()
t(a.byteswap, 1); t(a.insert, 'x', 1); t(a.count)
t(array('b', [1]).__setitem__, slice(None), [1])
t(array('b').__contains__, 'x')
t(array('f', [1]).__setitem__, 0, 'x')

# struct errors: range checks per byte order, bad formats, buffer sizes and offsets.
import struct
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
for order in '@=<>!':
    for c in 'bBhHiIlLqQnNP':
        fmt = order + c
        try: struct.calcsize(fmt)
        except struct.error as e: print(fmt, 'calcsize', e); continue
        for v in (2**64, -2**63-1, -1, 1.5, 'x', 2**31, -2**31-1):
            try: struct.pack(fmt, v)
            except Exception as e: print(fmt, v if not isinstance(v,int) or abs(v)<100 else 'big', type(e).__name__, e)
for fmt in ('e', 'f', 'd', '<e', '>f'):
    t(struct.pack, fmt, 1e300); t(struct.pack, fmt, 'x'); t(struct.pack, fmt, 10**400)
t(struct.pack, 'c', b'ab'); t(struct.pack, 'c', 'a'); t(struct.pack, 's', 'a'); t(struct.pack, 'p', 1); t(struct.pack, '3s', bytearray(b'a'))
t(struct.pack, 'i'); t(struct.pack, 'i', 1, 2); t(struct.pack, 'z'); t(struct.pack, '3'); t(struct.calcsize, 'ii3'); t(struct.calcsize, '999999999999999999999i')
t(struct.unpack, 'i', b'abc'); t(struct.unpack_from, 'i', b'abc'); t(struct.unpack_from, 'i', b'abcdefgh', 6); t(struct.unpack_from, 'i', b'abcdefgh', -9); t(struct.unpack_from, 'i', b'abcdefgh', -2)
t(struct.pack_into, 'i', bytearray(4), 2, 1); t(struct.pack_into, 'i', bytearray(4), -9, 1); t(struct.pack_into, 'i', bytearray(4), -2, 1); t(struct.pack_into, 'i', b'abcd', 0, 1)
t(struct.pack_into, 'i', bytearray(4)); t(struct.pack_into, 'i'); t(struct.pack_into, 'i', bytearray(4), 0)
t(struct.iter_unpack, 'i', b'abcde'); t(struct.iter_unpack, '', b''); t(struct.unpack, 'i', 'abcd'); t(struct.pack, 5); t(struct.unpack, 'i', 5)
t(struct.Struct, 5); s = struct.Struct("<hi"); print(s.format, s.size, type(s)); t(struct.pack, 'x', 1)
print(struct.error, struct.error.__mro__, struct.Struct)
t(struct.pack, '?', []); t(struct.pack, 'b', True); t(struct.pack, '>q', 2**63)
t(struct.pack,'i', 3.0)
class X:
    def __index__(self): return 7
t(struct.pack, 'i', X()); t(struct.pack, 'f', X())

# exit: 0
# stdout: ok
# Native modules keep their own state out of the guest's reach: rebinding
# a module's attributes, its sys.modules entry, or defining look-alike
# attributes in a subclass never makes native code build its objects with a
# guest-chosen type (which would be a type confusion).
import sys, zlib, hashlib, collections, _collections, array, struct, binascii

class Fake:
    pass
zlib._Compress = zlib._Decompress = Fake
hashlib._HASH = Fake
_collections._deque_iterator = list
_collections._deque_reverse_iterator = dict
binascii.Error = int
sys.modules['zlib'] = sys.modules['hashlib'] = sys.modules['_collections'] = 'junk'

c = zlib.compressobj()
assert type(c).__name__ == 'Compress' and zlib.decompress(c.compress(b'abc') + c.flush()) == b'abc'
assert hashlib.sha256(b'x').hexdigest().startswith('2d711642')
d = collections.deque([1, 2, 3])
assert list(iter(d)) == [1, 2, 3] and list(reversed(d)) == [3, 2, 1]
try:
    binascii.unhexlify(b'0')
except ValueError as e:
    assert type(e).__name__ == 'Error'

class A(array.array):
    _iterator_type = dict
assert list(A('i', [1, 2])) == [1, 2]

class S(struct.Struct):
    _struct_state = 'not a state'
assert S('<i').pack(7) == b'\x07\x00\x00\x00'
print('ok')

import uuid

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.int, u.urn)
print(u.bytes, u.bytes_le)
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node)
print(u.time, u.clock_seq, u.variant, u.version, u.is_safe)
for form in ['12345678123456781234567812345678', 'urn:uuid:12345678-1234-5678-1234-567812345678',
             '{12345678-1234-5678-1234-567812345678}', '12345678-1234-5678-1234-567812345678']:
    print(uuid.UUID(form) == u)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(fields=u.fields) == u,
      uuid.UUID(int=u.int) == u)
v = uuid.UUID(int=0x12345678123456781234567812345678, version=4)
print(v, v.version, v.variant)
for ver in [1, 2, 3, 5]:
    print(uuid.UUID(int=2**128 - 1, version=ver))
for n in [0, 2**127, 2**126, 2**125 + 2**127 + 2**126, 2**128 - 1]:
    w = uuid.UUID(int=n)
    print(w, w.variant, w.version)
print(uuid.UUID(int=0) < uuid.UUID(int=1), uuid.UUID(int=5) >= uuid.UUID(int=5), u == 5, u != u)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1), uuid.UUID(int=2)]))
print(hash(u) == hash(u.int), int(u), str(u), {u: 1}[uuid.UUID(str(u))])
show(lambda: u < 5)
show(setattr, u, 'int', 3)
show(setattr, u, 'x', 3)
show(uuid.UUID)
show(uuid.UUID, 'abc')
show(uuid.UUID, '1234567812345678123456781234567g')
show(uuid.UUID, hex='12345678123456781234567812345678', int=5)
show(uuid.UUID, bytes=b'x' * 15)
show(uuid.UUID, bytes_le=b'x' * 17)
show(uuid.UUID, bytes='x' * 16)
show(uuid.UUID, fields=(1, 2, 3))
show(uuid.UUID, fields=(2**32, 0, 0, 0, 0, 0))
show(uuid.UUID, fields=(0, 2**16, 0, 0, 0, 0))
show(uuid.UUID, fields=(0, 0, -1, 0, 0, 0))
show(uuid.UUID, fields=(0, 0, 0, 256, 0, 0))
show(uuid.UUID, fields=(0, 0, 0, 0, 256, 0))
show(uuid.UUID, fields=(0, 0, 0, 0, 0, 2**48))
show(uuid.UUID, int=-1)
show(uuid.UUID, int=2**128)
show(uuid.UUID, int=5, version=6)
show(uuid.UUID, int=5, version=0)
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
print(uuid.uuid3(uuid.NAMESPACE_URL, 'héllo'), uuid.uuid5(uuid.NAMESPACE_OID, ''))
show(uuid.uuid3, uuid.NAMESPACE_DNS, b'bytes')
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE)
print(list(uuid.SafeUUID), uuid.UUID(int=1, is_safe=uuid.SafeUUID.safe).is_safe)
print(u.__getstate__(), uuid.UUID(int=1, is_safe=uuid.SafeUUID.safe).__getstate__())
class MyUUID(uuid.UUID):
    pass
print(repr(MyUUID(int=7)))

# Needs entropy from the host.
import uuid

u = uuid.uuid4()
print(type(u).__name__, u.version, u.variant, len(str(u)), len(u.hex))
print(len({uuid.uuid4() for _ in range(100)}))
a = uuid.uuid1()
b = uuid.uuid1()
print(a.version, a.variant, a.node == b.node, a.time < b.time)
c = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(c.node == 0x123456789abc, c.clock_seq == 0x1234, c.version)
print(uuid.getnode() == uuid.getnode(), 0 <= uuid.getnode() < 2**48)

# exit: 0
# stdout: ok
# Nothing reveals a host address: id(), the default hash of plain objects
# and default reprs ("<Foo object at 0x...>") use numbers local to the
# isolate (a serial given on first use) or, for objects shared by all
# isolates, a serial fixed at start-up.
class Foo:
    pass
a, b = Foo(), Foo()
ia, ib = id(a), id(b)
assert ia != ib and id(a) == ia
assert repr(a) == '<__main__.Foo object at %#x>' % ia
assert object.__repr__(b) == '<__main__.Foo object at %#x>' % ib
assert hash(a) == hash(a) and hash(a) != hash(b)
# Serials: consecutive objects get consecutive ids, 16 apart.
fresh = [object() for _ in range(4)]
ids = [id(o) for o in fresh]
assert all(y - x == 16 for x, y in zip(ids, ids[1:])), ids
assert all(0x7f0000000000 <= i < 0x7f0100000000 for i in ids)
shared = [int, object, print, len, str.join, None.__class__, type]
for s in shared:
    assert 0x7e0000000000 <= id(s) < 0x7f0000000000, (s, hex(id(s)))
    assert hex(id(s)) in repr(s) or '0x' not in repr(s)
assert '%#x' % id(print.__call__) in repr(print.__call__) or ' at 0x' not in repr(print.__call__)
nan = float('nan')
assert hash(nan) == hash(nan)
reprs = [repr(object()), repr(lambda: 0), repr(iter([])), repr(memoryview(b'')), repr((i for i in ())),
         repr(object.__subclasses__), repr(type.__dict__['__dict__'])]
for r in reprs:
    if ' at 0x' in r:
        addr = int(r.split(' at 0x')[1].split('>')[0].split()[0], 16)
        assert 0x7e0000000000 <= addr < 0x7f0100000000, r
print('ok')

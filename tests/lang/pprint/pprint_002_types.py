import collections, dataclasses, io, pprint, types

od = collections.OrderedDict((str(i) * 5, i) for i in range(12))
print(pprint.pformat(od))
print(pprint.pformat(collections.OrderedDict()))
dd = collections.defaultdict(list, {('key' + str(i)): list(range(i)) for i in range(8)})
print(pprint.pformat(dd))
print(pprint.pformat(collections.defaultdict(int)))
c = collections.Counter('abracadabra alakazam hocus pocus simsalabim')
print(pprint.pformat(c))
print(pprint.pformat(c, width=30))
print(pprint.pformat(collections.Counter()))
cm = collections.ChainMap({'a' * 20: 1, 'b' * 20: 2}, {'c' * 30: 3}, {'d' * 40: [4] * 10})
print(pprint.pformat(cm))
print(pprint.pformat(collections.ChainMap()))
dq = collections.deque(range(40))
print(pprint.pformat(dq))
print(pprint.pformat(collections.deque(range(40), maxlen=50)))
print(pprint.pformat(collections.deque()))
print(pprint.pformat(collections.UserDict({'k' + str(i): i for i in range(20)})))
print(pprint.pformat(collections.UserList(list(range(40)))))
print(pprint.pformat(collections.UserString('word ' * 30)))
ns = types.SimpleNamespace(alpha=list(range(20)), beta='text ' * 10, gamma={'x': 1})
print(pprint.pformat(ns))
print(pprint.pformat(types.SimpleNamespace()))
print(pprint.pformat(types.MappingProxyType({'key' + str(i): i for i in range(10)})))

@dataclasses.dataclass
class Point:
    x: int
    y: int
    label: str = 'a fairly long label for the point'
    history: list = dataclasses.field(default_factory=list)

pt = Point(1, 2, history=[(i, i * i) for i in range(10)])
print(pprint.pformat(pt))
print(pprint.pformat(pt, width=30))
print(pprint.pformat([Point(0, 0)] * 2))

@dataclasses.dataclass(repr=False)
class NoRepr:
    a: list

print(pprint.pformat(NoRepr(list(range(40))))[:14])

class MyList(list):
    pass

class MyDict(dict):
    def __repr__(self):
        return 'MyDict()'

print(pprint.pformat(MyList(range(30))))
print(pprint.pformat(MyDict(a=1)))
out = io.StringIO()
pprint.pprint({'a': list(range(30))}, stream=out, width=40)
print(out.getvalue(), end='')
pprint.PrettyPrinter(stream=out).pprint('x')
print(repr(out.getvalue()[-4:]))

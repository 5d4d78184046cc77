import pprint

data = {
    'name': 'capy', 'version': (3, 11, 7), 'tags': ['interpreter', 'sandbox', 'python', 'embeddable'],
    'nested': {'a': [1, 2, 3, {'deep': {'deeper': list(range(30))}}], 'b': {'x': None, 'y': True, 'z': 1.5}},
    'set': {3, 1, 2}, 'frozen': frozenset({2, 1}), 'empty': [], 'emptyd': {}, 'emptyt': (), 'one': (1,),
    'bytes': b'\x00\x01binary data that is quite long indeed, more than eighty characters in total!!',
    'long': 'lorem ipsum dolor sit amet ' * 6,
}
pprint.pprint(data)
print(pprint.pformat(data, width=40))
print(pprint.pformat(data, width=120, indent=4))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(data, depth=1))
print(pprint.pformat(data, compact=True, width=50))
print(pprint.pformat(data, sort_dicts=False, width=60))
pprint.pp({'b': 1, 'a': [2] * 40})
pprint.pp(list(range(100)), compact=True, width=70)
print(pprint.pformat(list(range(40)), compact=True, width=30, indent=3))
print(pprint.pformat([[1, 2, 3]] * 10, width=20))
print(pprint.pformat([('a', 1), ('b', 2)] * 8))
print(pprint.pformat(tuple(range(30))))
print(pprint.pformat((tuple(range(30)),)))
print(pprint.pformat({'k': 'a very long string value ' * 8}))
print(pprint.pformat('single line that is long enough to need wrapping at word boundaries ' * 3, width=50))
print(pprint.pformat('line one\nline two is a bit longer\n' * 3, width=30))
print(pprint.pformat(['nested string ' * 10], width=40))
print(pprint.pformat('x' * 200, width=40))
print(pprint.pformat(bytes(range(60)), width=40))
print(pprint.pformat([bytes(range(60))], width=40))
print(pprint.pformat(bytearray(b'abcdefgh' * 12), width=40))
print(pprint.pformat({1: 'one', 'two': 2, (3,): [3], None: 0, 2.5: 'f'}))
print(pprint.pformat({3: {2: {1: {0: 'deep'}}}}, depth=2))
print(pprint.pformat([1, [2, [3, [4, [5]]]]], depth=3))
print(pprint.pformat(set(range(40))))
print(pprint.pformat(frozenset(range(40)), width=50))
print(pprint.pformat({'x': set(), 'y': frozenset()}))
print(pprint.pformat(12345678901234567890, underscore_numbers=True), pprint.pformat([10**10, -5000], underscore_numbers=True))
print(pprint.pformat({'k' * 30: ['v' * 30, 'w' * 30]}, width=50))
print(pprint.pformat([[]], width=1), pprint.pformat({}, width=1))
print(pprint.pformat(list(range(12)), width=10, indent=0))

r = [1, 2]
r.append(r)
d = {'self': None}
d['self'] = d
print(pprint.saferepr(r).startswith('[1, 2, <Recursion on list with id='), pprint.isrecursive(r), pprint.isreadable(r))
print(pprint.isrecursive(d), pprint.isreadable([1, 'a', (2.5, None)]), pprint.isreadable(object()))
print(pprint.saferepr({'b': [1, {2, 3}], 'a': (4,)}), pprint.saferepr('x'), pprint.saferepr(object)[:7])
p = pprint.PrettyPrinter(width=30)
print(p.pformat(data['nested']), p.isreadable(data['nested']), p.isrecursive(data['nested']))
print(p.format([1, 2], {}, 0, 0))
for bad in [dict(indent=-1), dict(depth=0), dict(width=0)]:
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print('ValueError', e)

class Unorderable:
    def __repr__(self):
        return 'U()'
print(pprint.pformat({1, 'a'}), pprint.pformat({'a': 1, 2: 'b'}))
print(pprint.pformat([Unorderable()] * 3, width=5))

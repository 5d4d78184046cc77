# Keys with custom __hash__/__eq__, equality across numeric types, mutation in __eq__.
class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name
    def __repr__(self):
        return 'Key(%s)' % self.name
d = {Key('a', 1): 'A', Key('b', 1): 'B', Key('c', 2): 'C'}
print(d[Key('a', 1)], d[Key('b', 1)], Key('z', 1) in d, len(d))
del d[Key('a', 1)]
print(d, Key('b', 1) in d)
d[Key('d', 1)] = 'D'
print(list(d.values()))
print({1: 'int', 1.0: 'float', True: 'bool'}, {0: 'a', False: 'b', 0.0: 'c', -0.0: 'd'})
print({(1, 2): 'tuple', frozenset({1}): 'fs'}[(1, 2)], {frozenset([1, 2]): 1}[frozenset([2, 1])])
class BadHash:
    def __hash__(self):
        raise ValueError("no hash for you")
try:
    {BadHash(): 1}
except ValueError as e:
    print("ValueError:", e)
try:
    {}.get(BadHash())
except ValueError as e:
    print("ValueError:", e)
class BadEq:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        raise RuntimeError("eq failed")
bd = {7: 'seven'}
try:
    bd[BadEq()]
except RuntimeError as e:
    print("RuntimeError:", e)
print(bd.get(8, 'none'))
class Mutator:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.target.clear()
        return False
t = {1: 'one'}
t[Mutator(t)] = 'm'
print(len(t), list(t.values()))
class HashCount:
    calls = 0
    def __hash__(self):
        HashCount.calls += 1
        return 42
hc = HashCount()
dd = {hc: 1}
dd[hc]
hc in dd
print(HashCount.calls)
print({-1: 'a', -2: 'b'}, hash(-1), hash(-2), hash((1, 2)) == hash((1, 2)))
big = {2**64: 'big', -2**64: 'neg', 2**61 - 1: 'mod', 0.5: 'half'}
print(big[2**64], big[2.0**64], big[2**61 - 1], big[0.5])

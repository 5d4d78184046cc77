# __eq__ methods that empty or grow the set being probed: the set restarts
# its probe on the table it has now, and other sets never see those keys.
class Clearer:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return 5
    def __eq__(self, o):
        self.s.clear()
        return False
    def __repr__(self):
        return 'Clearer'

target = {5}
target.add(Clearer(target))
print(len(target), sorted(map(repr, target)))
fresh = set()
print(len(fresh), 5 in fresh, list(fresh), Clearer(fresh) in fresh)
print(set(), frozenset(), {1, 2} - {1, 2}, set().union())
fresh.add(7)
print(fresh, 5 in fresh)

# Membership and removal with a clearing __eq__.
s = {5, 6}
print(Clearer(s) in s, len(s), s)
s = {5, 6}
s.discard(Clearer(s))
print(len(s), s)
s = {5}
try:
    s.remove(Clearer(s))
except KeyError as e:
    print('KeyError', type(e.args[0]).__name__)
print(s, set())

# Growing the set from __eq__ forces a resize in the middle of the probe.
class Grower:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return 5
    def __eq__(self, o):
        if len(self.s) < 40:
            self.s.update(range(100, 130))
        return False

g = {5}
g.add(Grower(g))
print(len(g), 5 in g, 129 in g, sum(x for x in g if isinstance(x, int)))
print(len(set()), len({1}))

# The same in a dict.
class DClearer:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 5
    def __eq__(self, o):
        self.d.clear()
        return False
d = {5: 'five'}
d[DClearer(d)] = 'x'
print(len(d), sorted(map(type, d), key=lambda t: t.__name__)[0].__name__)
print({}, dict(), len({}))

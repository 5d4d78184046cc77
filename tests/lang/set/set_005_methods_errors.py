# set/frozenset methods, arguments and error messages.
def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e.args[0]) if isinstance(e, KeyError) else e)

s = {1, 2, 3}
err(lambda: s.add())
err(lambda: s.add([1]))
err(lambda: s.remove(9))
err(lambda: s.remove([]))
err(lambda: s.discard({}))
err(lambda: set().pop())
err(lambda: s.pop(1))
err(lambda: s.union(a=1))
err(lambda: s.issubset())
err(lambda: frozenset().union(x=1))
err(lambda: frozenset().issuperset())
err(lambda: set(1, 2))
err(lambda: set(x=1))
err(lambda: frozenset(1, 2))
err(lambda: frozenset(x=1))
err(lambda: set(1))
err(lambda: s | [1])
err(lambda: [1] | s)
err(lambda: s & 1)
err(lambda: s - 'ab')
err(lambda: s ^ None)
err(lambda: s < [1])
err(lambda: hash(s))
err(lambda: s.update(5))
err(lambda: s.union([[]]))
err(lambda: {[]})
err(lambda: s.__ior__([1]))
err(lambda: frozenset().add)
print(set.__hash__, hash(frozenset()) == hash(frozenset()), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(frozenset(range(10))))
print(hash(frozenset({(1, 2), 3})), hash(frozenset({frozenset({1})})))
a = {1, 2, 3, 4}
b = frozenset({3, 4, 5})
print(a.union(b, [9]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference(b))
print(b.union(a), type(b.union(a)).__name__, type(a.union(b)).__name__, b | a, type(b | a).__name__, type(a & b).__name__)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint('xy'), b.isdisjoint({5}), a.issubset(a), set().issubset(b))
print(a.union(), a.intersection(), a.difference(), b.copy() is b, a.copy() is a, a.copy() == a)
print(a == {4, 3, 2, 1}, a != b, a <= a, a < a, {3, 4} < b, b > {5}, b >= b, {1} > {1}, a == frozenset(a), {1} == [1])
c = {1, 2}
c |= {3}
c &= {2, 3, 4}
c -= {2}
c ^= {3, 7}
print(c)
fz = frozenset({1})
fz |= {2}
print(fz, type(fz).__name__)
d = {1, 2, 3}
d.clear()
print(d, len(d), bool(d), bool({0}))
e = {1, 2}
e.discard(5)
e.remove(1)
print(e, 2 in e, 1 in e, 1 not in e)
print(set() == frozenset(), frozenset() in {frozenset()}, {frozenset({1}): 'x'}[frozenset([1])])
key = {1, 2}
holder = {frozenset({1, 2}), 5}
print(key in holder, {3} in holder)
holder.remove({1, 2})
holder.discard({5})
print(holder)

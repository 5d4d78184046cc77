# Element-wise comparison protocol: __eq__ first, then the operator on the first difference.
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print('eq', self.v, o.v)
        return self.v == o.v
    def __lt__(self, o):
        print('lt', self.v, o.v)
        return self.v < o.v
    def __gt__(self, o):
        print('gt', self.v, o.v)
        return self.v > o.v
    __hash__ = None
a = (V(1), V(2))
b = (V(1), V(3))
print(a < b)
print(a > b)
print(a == b)
print(a != b)
print((V(5),) <= (V(5), V(0)))
x = V(9)
print((x,) == (x,))
print(x in (V(8), V(9)))
print((V(1), V(2)).index(V(2)), (V(1), V(1)).count(V(1)))
nan = float('nan')
t = (nan,)
print(t == t, (nan,) == (float('nan'),) if False else 'skip', t[0] != t[0])

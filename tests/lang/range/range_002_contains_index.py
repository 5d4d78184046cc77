# Membership (O(1) for ints), index and count, with non-int elements.
r = range(0, 100, 7)
print(0 in r, 7 in r, 8 in r, 98 in r, 99 in r, 100 in r, -7 in r, 14.0 in r, 14.5 in r, True in range(2), 'a' in r)
print(r.index(49), r.count(49), r.count(50), r.index(True) if True in r else 'n/a', r.count(7.0), r.index(7.0))
n = range(10, -10, -3)
print(list(n), 10 in n, 4 in n, 5 in n, -8 in n, -9 in n, n.index(-8), n.count(1))
big = range(-10**20, 10**20, 3)
print(10**19 - 1 in big, 10**19 in big, -10**20 in big, 10**20 in big, big.index(-10**20 + 30))
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return o == self.v
print(Eq(3) in range(5), Eq(9) in range(5), range(5).index(Eq(2)), range(5).count(Eq(4)))
try:
    range(5).index(Eq(9))
except ValueError as e:
    print("ValueError:", e)
try:
    range(0, 10, 2).index(3)
except ValueError as e:
    print("ValueError:", e)
print(range(5).__contains__(3), 3 not in range(3))

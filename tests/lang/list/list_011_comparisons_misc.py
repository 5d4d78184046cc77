# Comparisons via __eq__ then the operator, contains semantics, repr of odd items.
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print('eq', self.v, getattr(o, 'v', o))
        return isinstance(o, E) and self.v == o.v
    def __lt__(self, o):
        print('lt', self.v, o.v)
        return self.v < o.v
    __hash__ = None
a = [E(1), E(2)]
b = [E(1), E(3)]
print(a < b)
print(a == b)
print(E(2) in a)
print(a.index(E(2)))
print([1, 2, 3] > [1, 2], [1, 2] >= [1, 2], [] < [0], [0] > [], [1, 'a'] == [1, 'a'])
print(repr([1.0, -0.0, 1e100, 'q"uote', "it's", None, True, ..., b'x']))
print(str([1, 'a']), [[], [[]]], [(1,), (1, 2)])
print(bool([]), bool([0]), len([[], []]))
x = [1, 2, 3]
x[1] = x
print(x, x[1][1][1][0])
print([i for i in range(3)] == list(range(3)))
print(list.__len__([1, 2]), list.__getitem__([5, 6], 1), list.__contains__([1], 1))
print([1, 2].__add__([3]), [1].__mul__(2), [1].__rmul__(3))
print([1, 2].__eq__((1, 2)), [1, 2].__lt__(5))
lst = [3, 4]
print(lst.__iadd__([5]) is lst, lst, lst.__imul__(2) is lst, lst)
print(sum([[1], [2]], []), max([3, 9, 2]), min(['b', 'a']))

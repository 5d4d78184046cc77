# dict repr (nested, recursive), equality with nested values, len/bool.
print({}, {1: {}}, {'a': [1, {'b': (2,)}]}, {None: None, True: False, 1.5: -2.5})
d = {'k': 1}
d['self'] = d
print(d, len(d))
l = [d]
print(l)
e = {1: [1, 2], 2: {3: 4}}
f = {2: {3: 4}, 1: [1, 2]}
print(e == f, e != f)
f[2][3] = 5
print(e == f)
print(bool({}), bool({0: 0}), len({i: i for i in range(7)}))
print({i: chr(65 + i) for i in range(5)}, {k: v for k, v in zip('abc', range(3)) if v})
class R:
    def __repr__(self):
        return '<R>'
print({R(): R()}, str({'s': 'q'}), repr({"'": '"'}))
print(dict.__repr__({1: 2}), {1: 2}.__len__(), {1: 2}.__contains__(1), {1: 2}.__getitem__(1))
x = {}
x[1] = x
y = {}
y[1] = y
try:
    print(x == y)
except RecursionError as ex:
    print("RecursionError")

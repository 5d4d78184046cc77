# copy.copy and copy.deepcopy on builtin values and containers.
import copy

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

for v in [None, 1, 2.5, 3j, True, 'str', b'by', (1, 2), frozenset({1}), range(3), len, int, Ellipsis]:
    print(repr(v), copy.copy(v) is v, copy.deepcopy(v) is v)
l = [1, [2, 3], {'k': [4]}]
s = copy.copy(l)
d = copy.deepcopy(l)
print(s == l, s is l, s[1] is l[1], d == l, d[1] is l[1], d[2]['k'] is l[2]['k'])
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy((1, 2)) is not None)
dd = {'a': [1], 'b': {'c': 2}}
c1, c2 = copy.copy(dd), copy.deepcopy(dd)
print(c1['a'] is dd['a'], c2['a'] is dd['a'], c2 == dd)
st = {1, 2, (3, 4)}
print(copy.copy(st) == st, copy.copy(st) is st, copy.deepcopy(st) == st)
ba = bytearray(b'xy')
print(copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba))
# shared references and cycles
shared = [1]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp, cp[0] is cp[1], cp[0] is shared)
cyc = [1, 2]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[2] is cc, cc[:2], cc is cyc)
dc = {}
dc['self'] = dc
dcc = copy.deepcopy(dc)
print(dcc['self'] is dcc, dcc is dc)
tc = ([],)
tc[0].append(tc)
tcc = copy.deepcopy(tc)
print(tcc[0][0] is tcc, tcc is tc)
memo = {}
x = [1]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo, memo[id(x)] == [1])
deep = []
cur = deep
for i in range(3000):
    nxt = []
    cur.append(nxt)
    cur = nxt
err(lambda: len(copy.deepcopy(deep)))
print(copy.Error, issubclass(copy.Error, Exception), copy.error is copy.Error)

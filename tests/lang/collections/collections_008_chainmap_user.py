# ChainMap, UserDict, UserList, UserString.
from collections import ChainMap, UserDict, UserList, UserString

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__ + ":", repr(e.args[0]) if isinstance(e, KeyError) else e)

base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), cm.get('zz', 0), 'a' in cm, bool(cm))
cm['a'] = 100; print(over, base)
del cm['a']; print(over)
err(lambda: cm.__delitem__('a'))
err(lambda: cm['nope'])
child = cm.new_child({'d': 4}); print(child, child.parents, child.maps[0])
print(cm.new_child(), ChainMap().new_child(x=1), ChainMap(), bool(ChainMap({})))
print(dict(cm), list(cm.items()), cm.copy())
print(cm.pop('c'), over)
err(lambda: cm.pop('zz'))
err(lambda: ChainMap({}).popitem())
print(ChainMap({'a': 1}) | {'b': 2}, {'z': 0} | ChainMap({'a': 1}))
c2 = ChainMap({'a': 1}); c2 |= {'q': 9}; print(c2)
c2.clear(); print(c2)
ud = UserDict({'x': 1}, y=2)
ud['z'] = 3
print(ud, len(ud), ud['x'], sorted(ud), ud.data, 'y' in ud, ud.get('w'), ud.pop('z'), ud)
err(lambda: ud['missing'])
class Dflt(UserDict):
    def __missing__(self, key):
        return key.upper()
print(Dflt()['abc'], UserDict(a=1) | {'b': 2}, type(ud.copy()).__name__, UserDict.fromkeys('ab', 0))
ul = UserList([3, 1, 2])
ul.append(5); ul.sort(); print(ul, ul.data, ul[0], ul[1:3], type(ul[1:3]).__name__)
print(ul + [9], [0] + ul, ul * 2, len(ul), 5 in ul, ul == [1, 2, 3, 5], ul < [2])
ul.extend(UserList([7])); ul.insert(0, -1); ul.remove(3); print(ul, ul.pop(), ul.index(5), ul.count(1))
ul.reverse(); print(ul); ul.clear(); print(ul)
us = UserString('Hello World')
print(us, repr(us), us.lower(), us.split(), us[0], us[::-1], len(us), 'World' in us, us + '!', us * 2)
print(us.replace('l', 'L'), us.find('o'), us.startswith('He'), us == 'Hello World', us.center(15, '*'))
print(type(us.upper()).__name__, us.data, int(UserString('42')) + 1, hash(us) == hash('Hello World'))

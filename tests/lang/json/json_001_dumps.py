# json.dumps: output format, options and errors.
import json

values = [None, True, False, 0, -1, 10**20, 1.0, -0.0, 1e16, 1e-7, 3.14159, 1/3, 1e300 * 10, "", "abc",
          "quote\" back\\ slash/ \n\r\t\b\f \x00 \x1f \x7f", "é ü 中 😀 \ud800", [], {}, (), [1, [2, [3]]],
          (1, 2), {"a": 1, "b": [True, None]}, {"nested": {"deep": {"x": []}}}]
for v in values:
    print(json.dumps(v))
    print(ascii(json.dumps(v, ensure_ascii=False)))
print(json.dumps(float('nan')), json.dumps(float('-inf')))

d = {"b": [1, 2, {"z": None, "y": "é"}], "a": {}, "c": [], "d": "x"}
print(json.dumps(d, indent=2))
print(json.dumps(d, indent=0))
print(json.dumps(d, indent='--'))
print(json.dumps(d, indent=-1))
print(json.dumps(d, sort_keys=True))
print(json.dumps(d, sort_keys=True, indent=4, separators=(',', ' = ')))
print(json.dumps(d, separators=(',', ':')))
print(json.dumps([1, 2, 3], indent=1, separators=(' ,', ':')))
print(json.dumps({3: 'int', 2.5: 'float', True: 't', False: 'f', None: 'n', 'é': 's'}))
print(json.dumps({float('inf'): 1, float('nan'): 2}))
print(json.dumps({(1, 2): 3, 'a': 1, frozenset(): 2}, skipkeys=True))
print(json.dumps({'x': {1, 2}}, default=sorted), json.dumps(complex(1, 2), default=lambda c: [c.real, c.imag]))
print(json.dumps([{'a': 1}, {'a': 1}]))  # same object twice is not circular
shared = [1]
print(json.dumps([shared, shared]))

import enum
class Color(enum.IntEnum):
    RED = 1
class F(float):
    def __repr__(self):
        return 'F!'
class S(str):
    pass
class L(list):
    pass
class D(dict):
    pass
print(json.dumps([Color.RED, F(2.5), S('s'), L([1]), D(a=1), {Color.RED: 1}]))

# errors
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: json.dumps(float('nan'), allow_nan=False))
err(lambda: json.dumps({'a': float('inf')}, allow_nan=False))
err(lambda: json.dumps({float('nan'): 1}, allow_nan=False))
err(lambda: json.dumps({(1, 2): 3}))
err(lambda: json.dumps({1, 2}))
err(lambda: json.dumps(b'bytes'))
err(lambda: json.dumps(object) if False else json.dumps(1j))
err(lambda: json.dumps({1: 1, 'a': 2}, sort_keys=True))
err(lambda: json.dumps([1], indent=2.0))
err(lambda: json.dumps([1], separators=(',',)))
err(lambda: json.dumps([1], foo=1))
err(lambda: json.dumps(10 ** 5000))
l = []
l.append(l)
err(lambda: json.dumps(l))
d = {}
d['self'] = d
err(lambda: json.dumps(d))
class Loop:
    pass
err(lambda: json.dumps(Loop(), default=lambda o: o))
err(lambda: json.dumps(l, check_circular=False))
err(lambda: json.dumps([1], default=lambda o: 1/0))
err(lambda: json.dumps(Loop(), default=lambda o: 1/0))
import re
err(lambda: json.dumps(re.match('a', 'a')))
err(lambda: json.dumps({re.compile('a'): 1}))

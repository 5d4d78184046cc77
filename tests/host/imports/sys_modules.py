# exit: 0
# stdout: ok
# sys.modules is the isolate's own module table, a real dict that import
# consults: a guest may add, replace and delete entries (only its own
# isolate sees them), and junk there never crashes the interpreter.
import sys, json
assert type(sys.modules) is dict
assert sys.modules['sys'] is sys and sys.modules['json'] is json and '__main__' in sys.modules
assert sys.modules['builtins'].len is len

sys.modules['made_up'] = 'an object'
import made_up
assert made_up == 'an object'
from made_up import upper
assert upper() == 'AN OBJECT'

saved_json = sys.modules.pop('json')
import json as json2
assert json2 is not saved_json and json2.dumps([1]) == '[1]'

# Junk entries for modules that native code consults.
import collections, _collections, zlib
real_sys = sys.modules['sys']
sys.modules['sys'] = 12345
print('still printing')
sys.modules['sys'] = real_sys
sys.modules['_collections'] = None
_collections._deque_iterator = list
zlib._Compress = dict
assert type(zlib.compressobj()).__name__ == 'Compress'
d = collections.deque([1, 2, 3])
assert list(iter(d)) == [1, 2, 3] and list(reversed(d)) == [3, 2, 1]
print('ok')

# json: JSONEncoder / JSONDecoder classes, dump / load with file-like objects.
import json

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {'x': o.x, 'y': o.y}
        return super().default(o)

print(json.dumps([Point(1, 2), {'p': Point(3, 4)}], cls=PointEncoder))
print(PointEncoder(sort_keys=True, indent=1).encode({'b': Point(0, 0), 'a': 1}))
enc = json.JSONEncoder()
print(enc.encode({'a': [1, 2]}), enc.encode('é"'), enc.item_separator, enc.key_separator)
print(json.JSONEncoder(indent=2).item_separator, json.JSONEncoder(separators=(';', '=')).encode({'a': [1, 2]}))
print(''.join(enc.iterencode([1, {'b': None}])), list(json.JSONEncoder(ensure_ascii=False).iterencode('é')) != [])
try:
    json.dumps(Point(0, 0), cls=json.JSONEncoder)
except TypeError as e:
    print('TypeError', e)
try:
    PointEncoder().encode(set())
except TypeError as e:
    print('TypeError', e)

class UpperEncoder(json.JSONEncoder):
    def encode(self, o):
        return super().encode(o).upper()
print(json.dumps({'a': 'b'}, cls=UpperEncoder))

dec = json.JSONDecoder()
print(dec.decode(' {"a": [1, 2]} '), dec.raw_decode('[1, 2] tail'), dec.raw_decode('"é" x'), dec.raw_decode('{}', 0))
print(dec.raw_decode('xx[3]', 2))
for args in [(' [1]',), ('[1]', 5), ('', 0)]:
    try:
        print(dec.raw_decode(*args))
    except json.JSONDecodeError as e:
        print('JSONDecodeError', e)
try:
    dec.decode('[1] [2]')
except json.JSONDecodeError as e:
    print('JSONDecodeError', e)
print(json.JSONDecoder(object_hook=lambda d: tuple(d)).decode('{"k": 1}'))
print(json.JSONDecoder(parse_int=float).decode('[1, 2]'), json.JSONDecoder(strict=False).decode('"\t"'))

class TupleDecoder(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_pairs_hook=tuple, **kw)
print(json.loads('{"a": 1, "b": {"c": 2}}', cls=TupleDecoder))

class Writer:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
class Reader:
    def __init__(self, text):
        self.text = text
    def read(self):
        return self.text

w = Writer()
json.dump({'a': [1, 2, {'b': None}]}, w)
print(''.join(w.parts))
w = Writer()
json.dump([1, 'é'], w, ensure_ascii=False, indent=1)
print(''.join(w.parts))
print(json.load(Reader('{"x": [1, 2.5]}')), json.load(Reader('[1]'), parse_int=str))
try:
    json.load(Reader('[1,'))
except json.JSONDecodeError as e:
    print('JSONDecodeError', e)

# round trips
data = {'name': 'Ünïcode ✓', 'n': [0, -1, 2 ** 70, 1.5, -2.25e-10], 'ok': True, 'none': None,
        'nested': [[[]], {}, {'k': ['v']}], 'esc': '\x00\x1f"\\/'}
for kw in [{}, {'ensure_ascii': False}, {'indent': 3}, {'sort_keys': True, 'separators': (',', ':')}]:
    s = json.dumps(data, **kw)
    print(json.loads(s) == data, len(s))
print(sorted(json.__all__), json.dumps.__name__, json.loads.__name__)
import json.decoder, json.encoder
print(json.decoder.JSONDecodeError is json.JSONDecodeError, json.encoder.JSONEncoder is json.JSONEncoder)
print(json.encoder.encode_basestring_ascii('é\n'), json.encoder.encode_basestring('é\n'))

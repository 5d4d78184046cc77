# json: the chunks of JSONEncoder.iterencode and json.dump (CPython's
# pure-Python encoder), with indent, separators, sort_keys, default and
# errors part-way through.
import json
import json.encoder


class Recorder:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


data = {'a': [1, 2.5, None, True, False, 'x', {}, []], 'b': {'c': [], 'd': {'e': 'f'}}, 'n': -3}
print(list(json.JSONEncoder().iterencode({'a': [1, 2]})))
print(list(json.JSONEncoder().iterencode(data)))
print(list(json.JSONEncoder(indent=2).iterencode(data)))
print(list(json.JSONEncoder(indent='\t', sort_keys=True).iterencode(data)))
print(list(json.JSONEncoder(separators=(',', ':')).iterencode([1, [2, [3]], {'k': (4, 5)}])))
print(list(json.JSONEncoder().iterencode('str')), list(json.JSONEncoder().iterencode(7)))
print(list(json.JSONEncoder().iterencode(None)), list(json.JSONEncoder().iterencode(1.5)))
print(list(json.JSONEncoder().iterencode([])), list(json.JSONEncoder().iterencode({})))
print(list(json.JSONEncoder(ensure_ascii=False).iterencode(['é', 'ü'])))
print(list(json.JSONEncoder().iterencode(['é', '\n'])))
print(list(json.JSONEncoder().iterencode({1: 'int', 2.5: 'float', True: 't', None: 'n'})))
print(list(json.JSONEncoder(skipkeys=True).iterencode({(1,): 2, 'a': 1})))

# _one_shot with indent=None gives the C encoder's single chunk.
print(json.JSONEncoder().iterencode({'a': 1}, _one_shot=True))
print(type(json.JSONEncoder(indent=1).iterencode({'a': 1}, _one_shot=True)).__name__)
print(type(json.JSONEncoder().iterencode({'a': 1})).__name__)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def default(o):
    if isinstance(o, Point):
        return {'x': o.x, 'y': o.y}
    raise TypeError('cannot encode ' + type(o).__name__)


print(list(json.JSONEncoder(default=default).iterencode([Point(1, 2), Point(3, 4)])))


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


print(list(Enc().iterencode({'s': {3, 1, 2}})))

# json.dump writes chunk by chunk.
for kwargs in ({}, {'indent': 1}, {'sort_keys': True, 'separators': (',', ':')}, {'cls': Enc},
               {'default': default}):
    rec = Recorder()
    json.dump({'z': [1, {'y': None}], 'a': Point(5, 6) if 'default' in kwargs else {7}
               if 'cls' in kwargs else 'plain'}, rec, **kwargs)
    print(rec.parts)
    print(''.join(rec.parts) == json.dumps({'z': [1, {'y': None}], 'a': Point(5, 6) if 'default' in kwargs
                                            else {7} if 'cls' in kwargs else 'plain'}, **kwargs))

# Errors arrive part-way: the chunks before them were already produced.
def chunks_until_error(encoder, obj):
    out = []
    try:
        for c in encoder.iterencode(obj):
            out.append(c)
    except (TypeError, ValueError) as e:
        out.append(type(e).__name__ + ': ' + str(e))
    return out


print(chunks_until_error(json.JSONEncoder(), [1, 'two', object(), 4]))
print(chunks_until_error(json.JSONEncoder(allow_nan=False), [1.0, float('nan')]))
print(chunks_until_error(json.JSONEncoder(allow_nan=False), {'x': float('-inf')}))
print(chunks_until_error(json.JSONEncoder(), {'ok': 1, (2,): 3}))
print(chunks_until_error(json.JSONEncoder(sort_keys=True), {'b': 1, 2: 3}))
loop = []
loop.append(loop)
print(chunks_until_error(json.JSONEncoder(), [0, loop]))
d = {}
d['self'] = d
print(chunks_until_error(json.JSONEncoder(), d))
print(chunks_until_error(json.JSONEncoder(check_circular=False, default=lambda o: 'dflt'), [object()]))
rec = Recorder()
try:
    json.dump([1, 2, object()], rec)
except TypeError as e:
    print('TypeError:', e, rec.parts)
print(json.encoder.encode_basestring('a"b\\\n'), json.encoder.encode_basestring_ascii('é€😀'))
print(json.encoder.INFINITY, json.encoder.JSONEncoder is json.JSONEncoder)

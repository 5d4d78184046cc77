# json.loads: values, hooks and error messages.
import json

docs = ['null', 'true', 'false', '0', '-0', '-0.0', '12', '-12', '1.5', '1e3', '1E-2', '2.5e+10', '123456789012345678901234567890',
        '"abc"', '"\\u00e9\\n\\t\\"\\\\\\/\\b\\f\\r"', '"\\ud83d\\ude00"', '"\\ud83dx"', '"\\ude00"', '"é😀"', '[]', '{}', '[1, [2, [3, []]]]',
        '{"a": {"b": {"c": [true, false, null]}}}', ' \t\n\r[ 1 , 2 ]\r\n ', '{"a":1,"a":2}', '[NaN, Infinity, -Infinity]',
        '1e400', '-1e400', '0.1', '1.7976931348623157e308', '5e-324', '[0.0, 1.0, 100.0]', '{"": ""}', '"\\u0000"']
for d in docs:
    v = json.loads(d)
    print(repr(d), repr(v), type(v).__name__)

print(json.loads('{"a": 1, "b": [1, 2]}', object_hook=lambda d: sorted(d)))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: p))
print(json.loads('{"a": {"b": 1}}', object_hook=dict.items if False else (lambda d: len(d))))
print(json.loads('{"a": 1}', object_hook=lambda d: 'hook', object_pairs_hook=lambda p: 'pairs'))
print(json.loads('[1.25, 3, 1e2]', parse_float=str), json.loads('[1.25, 3]', parse_int=lambda s: s + '!'))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: s.lower()))
from decimal import Decimal
print(json.loads('[1.10, 2]', parse_float=Decimal) if False else json.loads('[1.10, 2]', parse_float=lambda s: ('D', s)))
print(json.loads('"a\tb"', strict=False), json.loads('["\n"]', strict=False))
print(json.loads(b'{"x": "\xc3\xa9"}'), json.loads(bytearray(b'[1]')), json.loads('[1]'.encode('utf-16')),
      json.loads('[2]'.encode('utf-16-le')), json.loads('[3]'.encode('utf-32-be')), json.loads(b'\xef\xbb\xbf[4]'))

bad = ['', ' ', '[', '[1', '[1,', '[1,]', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '{"a":1,}', '{1:2}', "{'a':1}", '"abc', '"a\\',
       '"\\x"', '"\\u12"', '"\\u12', '"\\u123g"', '"\\ud800\\u12x4"', '"\x01"', '1 2', 'nul', 'nan', '-', '-a', '01', '1.', '1e',
       '1.5e+', '[1 2]', '{"a" 1}', 'tru', '\ufeff1', '"é\n"', '"ab\ncd', 'é1', '["é", x]', '{"a": 1}\n\n  x', '[1]\n]',
       '{"a":[1,2,}', 'Infinit', '-Infinit', '.5', '+1', '[01]', '[1,,2]', '[,]', '{,}', '{"a":1 "b":2}', '"\\', '"\\u"',
       '[1.]', '[1e]', '[-]', '\x00', '[true false]', 'True', "'single'"]
for d in bad:
    try:
        print(repr(d), json.loads(d))
    except json.JSONDecodeError as e:
        print(repr(d), '|', e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == d, isinstance(e, ValueError))
for x in [None, 1, [1], object]:
    try:
        json.loads(x)
    except TypeError as e:
        print('TypeError', e)
e = json.JSONDecodeError('msg', 'ab\ncd\nef', 7)
print(e, e.lineno, e.colno, repr(e), e.args)
print(json.JSONDecodeError.__module__, json.JSONDecodeError.__mro__[1].__name__)

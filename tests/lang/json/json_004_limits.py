# json: deep nesting and big numbers stay within the interpreter's limits.
import json, sys

for doc in ['[' * 100000 + ']' * 100000, '{"a":' * 100000 + '1' + '}' * 100000]:
    try:
        json.loads(doc)
    except RecursionError as e:
        print('RecursionError', e)
x = []
for i in range(100000):
    x = [x]
try:
    json.dumps(x)
except RecursionError as e:
    print('RecursionError', e)
d = {}
for i in range(100000):
    d = {'a': d}
try:
    json.dumps(d, indent=1)
except RecursionError as e:
    print('RecursionError', e)
print(len(json.dumps(json.loads('[' * 200 + ']' * 200))))
print(len(json.dumps(json.loads('{"a":' * 200 + '1' + '}' * 200))))

big = '9' * 4300
print(json.loads(big) == int(big))
try:
    json.loads('9' * 4301)
except ValueError as e:
    print('ValueError', e)
try:
    json.dumps(10 ** 4300)
except ValueError as e:
    print('ValueError', e)
print(json.loads('[' + '1,' * 10000 + '1]')[-1], len(json.dumps(list(range(10000)))))
print(json.loads('"' + 'x' * 100000 + '"') == 'x' * 100000)

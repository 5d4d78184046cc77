import sys
import traceback

def clean(s):
    return s.replace(__file__, 'FILE')

def show(lines):
    print(clean(''.join(lines)), end='')
    print('-----')

def divide(a, b):
    return a / b

def level2(x):
    return divide(x, 0) + 1

def level1():
    data = {'k': [1, 2]}
    return level2(data['k'][0])

try:
    level1()
except ZeroDivisionError as e:
    show(traceback.format_exc())
    show(traceback.format_exception(e))
    show(traceback.format_exception(type(e), e, e.__traceback__))
    show(traceback.format_exception(e, limit=1))
    show(traceback.format_exception(e, limit=-1))
    show(traceback.format_exception(e, limit=0))
    show(traceback.format_exception_only(e))
    show(traceback.format_exception_only(type(e), e))
    show(traceback.format_tb(e.__traceback__))
    show(traceback.format_tb(e.__traceback__, 2))
    entries = traceback.extract_tb(e.__traceback__)
    print(type(entries).__name__, len(entries))
    for fs in entries:
        print(clean(fs.filename), fs.lineno, fs.name, repr(fs.line), fs.end_lineno, fs.colno, fs.end_colno,
              clean(repr(fs)), len(fs), fs[1], list(fs)[2])
    show(traceback.format_list(entries))
    show(traceback.format_list([('f.py', 3, 'func', 'x = 1'), ('g.py', 9, '<module>', None)]))
    print(entries[0] == entries[0], entries[0] == (entries[0].filename, entries[0].lineno, entries[0].name, entries[0].line))

def lookup(d):
    return d['missing']

def index(seq):
    return seq[10]

def attr(o):
    return o.nothing

def calls():
    return lookup({}) if True else None

for fn, arg in [(lookup, {}), (index, []), (attr, 5), (lambda x: calls(), None), (lambda x: int('zz'), None),
                (lambda x: [1, 2][3] * 2, None), (lambda x: 1 + 'a', None), (lambda x: x ** 'y', 2)]:
    try:
        fn(arg)
    except Exception as e:
        show(traceback.format_exception(e))

class MyError(Exception):
    pass

try:
    raise MyError('custom message')
except MyError as e:
    show(traceback.format_exception(e))
try:
    raise MyError()
except MyError as e:
    show(traceback.format_exception_only(e))
try:
    raise KeyError('key')
except KeyError as e:
    show(traceback.format_exception_only(e))
e = ValueError('with notes')
e.add_note('first note')
e.add_note('second\nmultiline note')
show(traceback.format_exception_only(e))
show(traceback.format_exception(e))
show(traceback.format_exception_only(None))
print(repr(traceback.format_exc()))

class BadStr(Exception):
    def __str__(self):
        raise RuntimeError('no')
show(traceback.format_exception_only(BadStr()))

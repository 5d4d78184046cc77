# re: compile errors (type, message, position, line/column).
import re
bad = ['(?<=a|bc)', 'a\\', '(?P<a-b>x)', '(?P<1>x)', '(a)(?P=x)', '\\N{DASH}', 'x{2,1}', '(?i', '(?iz)', '(?i-i:a)',
       'a(?i)b', '(?<=\\1)(a)', '\\8', '[\\8]', '\\400', 'a{4294967295}', '(?P<n>a)(?P<n>b)', '\\g<1>', '(?(0)a)',
       '(?(a-)x)', '(?#abc', '(?P', '(?<', '(?', '[a-\\d]', 'a\\\nb\n(', '(a', '[a', '*a', 'a**', 'a)', '(?<x>a)',
       '\\q', 'a{3', '+', '?', '{1}', '^*', '\\b+', '(?P<a>', '(?P<a', '(?P=a', '(?Px)', '(?P>a)', '[z-a]',
       '\\x4', '\\u12', '\\U0011ffff', '(?(1)a|b|c)', '(?(2)a)(b)', '(?(9)a)', '(?x', '(?-', '(?-x', '(?-z:a)',
       '(?a-u:b)', '(?au)', '(?L)', '(?t:a)', '(?-t:a)', '(?x)a(?i)', 'a|*', '(|*)', '(?=a)*', '(?:)*',
       '\\1(a)', '(a\\1)', '(?P<a>(?P=a))', '(?<=(?P<x>a)(?P=x))', '(?<=a*)', '(?<=a{2})b', '\\Z*', '\\A?',
       '(?i)(?m)a', '(?x) (?i)a', '[\\Z]', '\\xzz', '(?P<é>a)', '(?P<a b>x)', 'a{,}', '{,}', '\\', '[', '(?#',
       '[]', '[^]', '(?<!a{1,2})', '\\k<a>', '\\p{L}', '\\Q', '\\G', '\\K', '\\R', '\\h', '\\e', '\\c',
       'ab\ncd)', '(?x)\n  a\n  (\n', '))']
for p in bad:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r.groups, r.flags)
    except re.error as e:
        print(repr(p), 'error:', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for p in [b'\\u1234', b'(?u)a', b'\\xff\\q', '(?L)a', b'(?P<\xe9>a)', b'[\xe9-a]', b'(', b'a\n(']:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r.groups, r.flags)
    except re.error as e:
        print(repr(p), 'error:', e, '|', e.pos, e.lineno, e.colno, repr(e.pattern))
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for p, f in [('a', re.L), ('a', re.A|re.U), (b'a', re.U), (b'a', re.A|re.L), ('(?a)b', re.U)]:
    try:
        print(re.compile(p, f))
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for p in [5, None, ['a'], bytearray(b'a')]:
    try:
        re.compile(p)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print('ValueError', e)
print(issubclass(re.error, Exception), re.error.__module__, re.error.__name__)
e = re.error('msg')
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno)
e = re.error('msg', 'ab\ncd', 4)
print(e, e.msg, e.pattern, e.pos, e.lineno, e.colno)
# subject type errors
for f in [lambda: re.search('a', 5), lambda: re.search('a', b'a'), lambda: re.search(b'a', 'a'),
          lambda: re.search('a', bytearray(b'a')), lambda: re.compile('a').search(None)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)

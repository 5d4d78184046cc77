# re: search / match / fullmatch and the Match object API.
import re

def show(label, v):
    print(label, repr(v))

p = re.compile(r'(?P<user>[\w.]+)@(?P<host>[\w-]+)\.(com|org)')
m = p.search('contact: john.doe@example.com or x@y.org')
show('match', m)
show('group()', m.group())
show('group(0)', m.group(0))
show('group(1,2,3)', m.group(1, 2, 3))
show('group(user)', m.group('user'))
show('group(host, 0)', m.group('host', 0))
show('getitem', (m[0], m[1], m['host'], m[3]))
show('groups', m.groups())
show('groupdict', m.groupdict())
show('span', (m.span(), m.span(1), m.span('host'), m.start(2), m.end(3)))
show('lastindex', (m.lastindex, m.lastgroup))
show('pos/endpos', (m.pos, m.endpos))
show('re', m.re is p)
show('string', m.string)
show('regs', m.regs)
show('expand', m.expand(r'\g<host>:\1:\g<0>:\3'))
show('bool', bool(m))

# optional groups and defaults
m = re.match(r'(a)(b)?(c)?', 'ac')
show('groups default', (m.groups(), m.groups('-'), m.groupdict(), m.span(2), m.start(2), m.end(2)))
m = re.match(r'(?P<x>a)(?P<y>z)?', 'a')
show('groupdict default', (m.groupdict(), m.groupdict(0), m.groupdict(default='?')))
show('lastindex2', (m.lastindex, m.lastgroup))

for pat, s in [(r'((a)b)', 'ab'), (r'(a)(b)', 'ab'), (r'(a)|(b)', 'b'), (r'((a)|(b))*', 'ab'), (r'(a)()', 'a'),
               (r'(?:(a)|b)*', 'ab'), (r'x', 'x'), (r'((x))', 'x'), (r'(?=(a))a', 'a'), (r'(?P<n>a)(?P<m>b)?', 'a')]:
    m = re.match(pat, s)
    print(pat, m.lastindex, m.lastgroup, m.span(), m.groups())

# pos / endpos
p = re.compile(r'\w+')
for args in [(0,), (2,), (2, 5), (-5,), (100,), (3, 2), (0, -1), (1, 100)]:
    m = p.search('hello world', *args)
    print('search', args, m and (m.group(), m.span(), m.pos, m.endpos))
    m = p.match('hello world', *args)
    print('match', args, m and (m.group(), m.span()))
    m = p.fullmatch('hello world', *args)
    print('fullmatch', args, m and (m.group(), m.span()))
print(p.search(string='abc', pos=1, endpos=2))
print(re.compile('^a').search('ba', 1), re.compile('(?m)^a').search('b\na', 1))
print(re.compile('a$').search('ab', 0, 1), re.compile(r'a\Z').search('ab', 0, 1))
print(re.compile(r'(?<=b)a').search('ba', 1))

# fullmatch backtracks to the longest alternative
print(re.fullmatch('a|ab', 'ab'), re.fullmatch('a*?', 'aaa'), re.fullmatch('a', 'ab'))
print(re.match('a*?', 'aaa'), re.match('', ''), re.search('$', 'abc'))

# errors of the Match API
m = re.match(r'(a)(?P<b>b)', 'ab')
for g in [3, -1, 'c', 1.5, None, (1,), True]:
    try:
        print(g, m.group(g))
    except Exception as e:
        print(g, type(e).__name__, e)
try:
    m.start(5)
except IndexError as e:
    print('IndexError', e)
try:
    m.span('zz')
except IndexError as e:
    print('IndexError', e)

# repr truncation and bytes
print(re.match('.*', 'x' * 100))
print(re.match(b'.*', b'y' * 100))
print(re.match(".*", "it's"))
print(re.search(r'\d', 'a1'), re.search(r'\d', 'abc'))
print(type(re.match('a', 'a')).__name__, type(re.compile('a')).__name__, re.Match.__name__, re.Pattern.__name__)
m = re.match('a', 'a')
p = re.compile('a')
print(type(m), type(p), re.Match, re.Pattern, re.Match.__qualname__, re.Match.__module__)
print(type(p.scanner('')), type(re.finditer('a', 'a')), isinstance(m, re.Match), isinstance(p, re.Pattern))
for f in [lambda: re.Match(), lambda: re.Pattern(), lambda: setattr(re.Pattern, 'x', 1)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)

# re: flags, RegexFlag and Pattern attributes / repr.
import re

for f in [re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.T, re.DEBUG, re.NOFLAG, re.I | re.M, re.X | re.S | re.U | re.A,
          re.I | 1, re.I | 0x1000, ~re.I, re.I & re.M, re.I ^ re.I, re.IGNORECASE | re.MULTILINE | re.DOTALL]:
    print(repr(f), str(f), int(f), f'{f}', isinstance(f, int), isinstance(f, re.RegexFlag))
print(re.I + 1, type(re.I + 1).__name__, re.I == 2, hash(re.I) == hash(2), 2 in {re.I}, re.I.value, re.I.name)
print(re.RegexFlag(2), re.RegexFlag.IGNORECASE, re.RegexFlag.I is re.I, repr(re.RegexFlag))
print([repr(x) for x in re.RegexFlag][:3], format(re.M, 'd'), format(re.M, '04x'))
print(re.IGNORECASE is re.I, re.ASCII is re.A, re.UNICODE == 32, re.VERBOSE == 64, re.DOTALL == 16)

for pat, fl in [('a', 0), ('a', re.I), ('a', re.I | re.M), ('a', re.A), ('a', re.U), ('(?i)a', 0), ('(?x)a', re.S),
                ('(?a)a', 0), ('(?u)a', 0), (b'a', 0), (b'a', re.I), (b'(?L)a', 0), (b'a', re.A), ('a', 0x1000),
                ('x' * 300, 0), ("it's", 0), ('a\nb', re.M)]:
    p = re.compile(pat, fl)
    print(p, p.flags, p.groups, p.pattern == pat)

p = re.compile(r'(?P<first>\w+) (?P<last>\w+)(x)?')
print(p.groups, dict(p.groupindex), p.pattern, p.flags)
gi = p.groupindex
try:
    gi['zz'] = 9
except TypeError:
    print('groupindex is read-only')
print(sorted(p.groupindex), p.groupindex['last'], len(p.groupindex))

# inline and argument flags in action
print(re.findall(r'(?i)abc', 'ABC abc AbC'))
print(re.findall('abc', 'ABC abc AbC', re.I))
print(re.findall(r'(?i:a)b', 'ab Ab aB AB'))
print(re.findall(r'(?-i:a)b', 'ab Ab aB AB', re.I))
print(re.findall(r'^\w', 'a\nb\nc', re.M), re.findall(r'^\w', 'a\nb\nc'))
print(re.findall(r'\w$', 'a\nb\nc', re.M), re.findall(r'\w$', 'a\nb\nc'))
print(re.findall(r'(?m)^', 'a\n'), re.findall(r'(?m)$', 'a\n'))
print(re.findall('a.b', 'a\nb'), re.findall('a.b', 'a\nb', re.S), re.findall('(?s:a.)b', 'a\nb'))
print(re.findall(r'''
    (\d+)   # digits
    [ ]     # a space in a class is kept
    (\w+)   # word
''', '12 ab 3 c', re.X))
print(re.findall(r'\w+', 'héllo wörld', re.A), re.findall(r'\w+', 'héllo wörld'))
print(re.findall(r'(?a)\d', '1\u0662'), re.findall(r'\d', '1\u0662'))
print(re.findall(r'\s', ' \t\x1c\x85\xa0\u2028', re.A), len(re.findall(r'\s', ' \t\x1c\x85\xa0\u2028')))
print(re.match('ﬁ', 'FI', re.I), re.match('k', '\u212a', re.I), re.match('s', '\u017f', re.I))
print(re.match('(?i)ß', 'ẞ'), re.match('(?i)σ', 'Σ'), re.match('(?i)σ', 'ς'))
print(re.compile('a', flags=re.I).match('A'))
try:
    re.compile('a', 'x')
except TypeError as e:
    print('TypeError', e)

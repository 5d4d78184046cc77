# re: bytes patterns, Unicode subjects and code-point positions.
import re

print(re.findall(rb'\w+', b'hello w\xe9rld 42'))
print(re.sub(rb'(\d+)', rb'<\1>', b'a1b22'))
print(re.split(rb'\s+', b'a b\tc'))
m = re.search(rb'(?P<n>\d+)', b'abc 123 def')
print(m, m.group(), m.group('n'), m.span(), m.groupdict(), m.expand(rb'[\g<n>]'))
print(re.match(b'a', bytearray(b'abc')), re.match(b'a', bytearray(b'abc')).group())
print(re.findall(b'.', b'\x00\xff'), re.findall(rb'\xff', b'\xff'), re.escape(b'a.b\xff'))
print(re.compile(b'a', re.I).match(b'A'), re.compile(rb'[\x80-\xff]+').findall(b'ab\x80\x90c'))
print(re.sub(b'a', lambda m: b'<' + m.group() + b'>', b'banana'))
print(re.sub(b'a', bytearray(b'X'), b'banana'))

s = 'αβγ abc δεζ ✓✓ 𝄞x'
for m in re.finditer(r'\w+', s):
    print(m.group(), m.span(), m.start(), m.end(), s[m.start():m.end()] == m.group())
print(re.search('𝄞', s).span(), re.search('x', s).span(), re.search('(✓)(✓)', s).regs)
print(re.compile(r'\w+').search(s, 4), re.compile(r'\w+').search(s, 4, 6))
print(re.compile(r'.').findall(s, 12), re.compile('$').search(s, 3, 5))
print(re.split(r'\s', s), re.sub(r'\s', '_', s), re.subn('[αγ]', '.', s))
print(re.sub(r'\w', lambda m: str(m.start()), 'aé𝄞b'))
print([m.span() for m in re.finditer('', 'aé𝄞')])
print(re.findall('', 'é𝄞'), re.split('', 'é𝄞'))
print(re.match(r'(?P<é>x)', 'x').groupdict(), re.match('.', '\U0001F600').group())
print(re.fullmatch('[^a]', '\U0001F600'), re.match(r'\u00e9|\U0001d11e', '𝄞'))
print(re.search(r'(?<=é)x', 'éx'), re.search(r'(?<!é)x', 'éx'))
print(re.findall(r'[à-ÿ]+', 'Ça va très bien'), re.findall('(?i)[à-ÿ]+', 'ÇA VA TRÈS'))
print(re.escape('a-b.c d\te\u00e9*'), re.escape('') == '', re.escape('_!#&~'))
print(re.findall(r'\bé\w*', 'éte été x'), re.findall(r'\d+', '٣٤ 56 ۷'))
t = 'ş' * 50 + 'match' + 'ş' * 50
m = re.search('match', t)
print(m.span(), m.start(), repr(m)[:60])

# re: compile cache, purge, Pattern equality/hash/copy, scanner, misc.
import re, copy

p1 = re.compile('ab+c')
p2 = re.compile('ab+c')
print(p1 is p2, p1 == p2, hash(p1) == hash(p2))
p3 = re.compile('ab+c', re.I)
print(p1 == p3, p1 != p3, p3 is re.compile('ab+c', re.I))
re.purge()
p4 = re.compile('ab+c')
print(p4 == p1, p4 is p1)
print(re.compile(p1) is p1, copy.copy(p1) is p1, copy.deepcopy(p1) is p1)
m = p1.search('xabbc')
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(re.compile('a') == re.compile(b'a'), re.compile('a') == 'a', {re.compile('x'): 1}[re.compile('x')])

sc = re.compile(r'\d+').scanner('a1b22c333')
print(sc.search(), sc.search().group(), sc.match(), sc.search(), sc.search())
sc = re.compile(r'\w').scanner('ab c')
print(sc.match().group(), sc.match().group(), sc.match(), sc.pattern.pattern)

# many patterns (cache eviction) still work
for i in range(600):
    assert re.match('x%d' % i, 'x%d' % i)
print(re.match('x5', 'x5').group())

# nested groups, alternation, backrefs
print(re.match(r'(a(b(c)))(d)?', 'abc').groups())
print(re.match(r'(?P<q>["\']).*?(?P=q)', '"hi" there').group())
print(re.sub(r'(\w)\1', r'<\1\1>', 'aabbcd'))
print(re.match(r'(?:(?P<a>x)|y)(?(a)1|2)', 'x1').group(), re.match(r'(?:(?P<a>x)|y)(?(a)1|2)', 'y2').group())
print(re.findall(r'(?<=\$)\d+(?:\.\d\d)?', 'cost $12.50 or $3'))
print(re.search(r'(\d+)(?!\d|px)', '100px 200em').group())
print(re.findall(r'\b(\w+)\s+\1\b', 'the the cat sat sat down'))
words = 'The quick brown fox jumps over the lazy dog'.split()
print([w for w in words if re.fullmatch(r'[a-z]{3,4}', w)])

# iteration protocol of finditer
it = re.finditer(r'\d', '1a2')
print(iter(it) is it, [m.group() for m in it], list(it))

# catastrophic backtracking ends with an error instead of hanging

# deep nesting of groups
print(re.match('(' * 50 + 'a' + ')' * 50, 'a').span(50))
print(re.compile('(?:' * 200 + 'a' + ')' * 200).match('a'))

# sub with a function that uses the same pattern
pat = re.compile(r'\d')
print(pat.sub(lambda m: str(len(pat.findall('12345'[:int(m.group())]))), 'a1b3c5'))
print(re.__version__, 'compile' in re.__all__, re.error is re.error)

# re.Scanner
def s_ident(scanner, token): return token
def s_operator(scanner, token): return "op%s" % token
def s_float(scanner, token): return float(token)
def s_int(scanner, token): return int(token)
scanner = re.Scanner([
    (r"[a-zA-Z_]\w*", s_ident),
    (r"\d+\.\d*", s_float),
    (r"\d+", s_int),
    (r"=|\+|-|\*|/", s_operator),
    (r"\s+", None),
])
print(scanner.scan("sum = 3*foo + 312.50 + bar"))
print(scanner.scan("a = 1 ; b"))

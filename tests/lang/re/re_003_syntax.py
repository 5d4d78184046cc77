# re: pattern syntax, checked against many subjects.
import re
pats = [r'a', r'a*', r'a+?', r'(a|b)*c', r'^\w+', r'\w+$', r'(?m)^\w+', r'(?m)\w+$', r'(?s).+', r'.+',
        r'\bfoo\b', r'\Bo', r'\d{2,3}', r'x{,2}', r'x{2,}', r'[^a-c]+', r'[\w.-]+@[\w-]+\.\w+', r'(?i)HeLLo',
        r'(\d+)-(\d+)', r'(?P<a>\w)(?P=a)', r'(a)?b(?(1)c|d)', r'(?<=a)b', r'(?<!a)b', r'a(?=b)', r'a(?!b)',
        r'(?x) a b  # comment', r'(?x)[ ]a', r'\s+', r'\S+', r'[\s]+', r'\W+', r'\D+', r'a\Z', r'\Aa',
        r'(?:ab)+', r'(a)(b)?', r'a{2}', r'.*?', r'', r'$', r'^', r'\n', r'[]a]', r'[^]a]', r'a|', r'|a',
        r'(?>a+)b', r'a++b', r'a*+', r'(?i:A)a', r'[a-z]+', r'\x41', r'\u00e9', r'\101',
        r'\0', r'[\b]', r'\t', r'é', r'[éa]+', r'(?a)\w+', r'\w+', r'\d', r'[\d\s]+', r'[^\W\d_]+',
        r'(a*)*', r'(a*)+b', r'(?:a|ab)(?:c|bcd)(d*)', r'(?#x)a', r'a{1,3}?', r'[-a]', r'[a-]', r'[\]]',
        r'[\\]', r'\.', r'\*', r'\{', r'{', r'a{b', r'a{1', r'a{1,b}', r'\^', r'\$', r'(?s:.)', r'(?-i:a)',
        r'(?i)[a-c]+', r'(?i)É', r'(?a:\w+)', r'[:alpha:]+', r'a{0}', r'(?i)(a)\1', r'(a)\1', r'(?P<x>a)(?(x)b)',
        r'(?m)^$', r'\Z', r'(?x)\ a', r'(?x)a\#b#c', r'a.c', r'(?s)a.c', r'[^\n]+', r'\b\w', r'(?<=\d{2})x',
        r'(?<=ab|cd)x', r'(?<!\w)a', r'(?:(a)|(b))+', r'(a|ab)(c|bcd)(d*)']
subjects = ['', 'a', 'aaa', 'ab', 'abc', 'ba', 'hello Hello HELLO', 'foo bar foobar', 'x\nyz\n',
            'a1 22 333 4444', 'bob@ex.com, al-x@y.org', 'aab', 'abcd', 'ac', 'bd', '  \t\n x', 'café déjà 12',
            '\u0661\u0662\u0663 45', 'a\u2028b\x1cc\x85d', 'xx{y', 'ḁ_b', '[a]\\b', 'ab\nab\n', '\x00a\x08b', 'AaAa',
            'a#bc', 'a\nc', '12x abx cdx', 'éÉé', ':alpha:']
for p in pats:
    r = re.compile(p)
    for s in subjects:
        out = [r.findall(s), r.search(s), r.match(s), r.fullmatch(s), r.sub('<\\g<0>>', s), r.split(s)]
        out.append([(m.span(), m.groups(), m.lastindex) for m in r.finditer(s)])
        print(repr(p), repr(s), out)

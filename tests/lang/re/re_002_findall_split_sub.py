# re: findall, finditer, split, sub, subn and empty-match rules.
import re

print(re.findall(r'\d+', 'a1b22c333d'))
print(re.findall(r'(\w)=(\d)', 'a=1, b=2, c=x'))
print(re.findall(r'(\w)=(\d)?', 'a=1, b=, c=3'))
print(re.findall(r'(a)|b', 'abab'))
print(re.findall(r'', 'abc'))
print(re.findall(r'\w*', 'ab cd'))
print(re.findall(r'a*', 'baaac'))
print(re.findall(r'\b', 'ab cd'))
print(re.findall(r'(?=a)', 'aa'))
print(re.compile(r'\w').findall('abcdef', 2, 4))
print([m.group() for m in re.finditer(r'\w*', 'ab cd')])
print([(m.span(), m.group(1)) for m in re.finditer(r'(\d)(\d)?', '1 23 456')])
it = re.finditer('a', 'aXa')
print(type(it).__name__, next(it).span(), next(it).span(), next(it, 'done'))
print([m.span() for m in re.compile('a').finditer('aaaa', 1, 3)])

# split
print(re.split(r',', 'a,b,,c'))
print(re.split(r'(,)', 'a,b,,c'))
print(re.split(r'(,)|(;)', 'a,b;c'))
print(re.split(r',', 'a,b,c', 1), re.split(r',', 'a,b,c', maxsplit=2))
print(re.split(r'x*', 'axbc'))
print(re.split(r'\b', 'a b'))
print(re.split(r'', 'abc'))
print(re.split(r'(?=b)', 'abab'))
print(re.split(r'\s+', '  lead and trail  '))
print(re.split('a', 'bab', maxsplit=-1))
print(re.compile(r'\W+').split('Words, words, words.'))

# sub / subn
print(re.sub(r'\s+', ' ', 'a  b\t\tc\n d'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world, good day'))
print(re.sub(r'(?P<first>\w+) (?P<last>\w+)', r'\g<last>, \g<first> (\g<0>)', 'John Smith'))
print(re.sub(r'a', r'\n\t\\', 'bab'))
print(re.sub(r'(a)', r'[\1\g<1>0\10]', 'a') if False else re.sub(r'(a)', r'[\1\g<1>0]', 'a'))
print(re.sub(r'x', r'\0\01\011', 'x'))
print(re.sub(r'x', r'\&\-', 'x'))
print(re.sub('x*', '-', 'abxd'))
print(re.sub('', '-', 'abc'))
print(re.sub(r'\b', '|', 'ab cd'))
print(re.subn(r'o', '0', 'foo boo'))
print(re.sub('o', '0', 'foo boo', 1), re.sub('o', '0', 'foo boo', count=2))
print(re.sub('a', 'b', 'aaa', count=-1))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3'))
print(re.sub(r'\w+', lambda m: m.group().upper(), 'hello world'))
print(re.sub(r'(a)|b', lambda m: repr(m.group(1)), 'ab'))
print(re.sub('a', lambda m: None, 'xaax') if False else re.sub('a', lambda m: '', 'xaax'))
print(re.subn(r'(\d+)', r'<\1>', 'a1b22'))
print(re.compile('a').sub('b', 'aaa', 2))
s = 'no match here'
print(re.sub('zzz', 'y', s) is s)
print(re.sub(r'(?m)^', '> ', 'line1\nline2\n'))
print(re.sub(r'$', '!', 'a\nb\n'))
print(re.sub(r'(?m)$', '!', 'a\nb\n'))

# template errors
for repl in [r'\2', r'\g<x>', r'\g<2>', r'\g<-1>', r'\g<a b>', r'\g', r'\q', r'\400', '\\']:
    try:
        print(repr(repl), re.sub(r'(a)', repl, 'a'))
    except Exception as e:
        print(repr(repl), type(e).__name__, e)
for f in [lambda: re.sub('a', 5, 'abc'), lambda: re.sub('a', b'x', 'abc'), lambda: re.sub(b'a', 'x', b'abc'),
          lambda: re.sub('a', lambda m: 5, 'abc'), lambda: re.sub(b'a', '\\1x', b'abc'), lambda: re.sub('a', lambda m: b'x', 'xa'),
          lambda: re.match('(a)', 'a').expand(r'\2'), lambda: re.match('(a)', 'a').expand(5)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
